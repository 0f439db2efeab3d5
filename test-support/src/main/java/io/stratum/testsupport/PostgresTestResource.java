package io.stratum.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A fresh PostgreSQL database for a Quarkus test, dropped afterwards. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private TestPostgres.Database database;

    @Override
    public Map<String, String> start() {
        database = TestPostgres.createDatabase("quarkus");
        return Map.of(
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "quarkus.datasource.reactive.url", database.reactiveUrl());
    }

    @Override
    public void stop() {
        if (database != null) {
            TestPostgres.dropDatabase(database);
        }
    }
}
