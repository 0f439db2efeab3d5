package io.stratum.cts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.stratum.common.password.PasswordHash;
import io.stratum.core.admin.Administrator;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;

/** The Panache entity reads what `stratum add-admin` writes, on the schema the migrations created. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class AdministratorMappingIT {
    @Test
    void shouldReadAnAdministratorWrittenOverJdbc() throws Throwable {
        String hash = PasswordHash.hash("veryinsecurepassword123", 4);
        var config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection("jdbc:" + config.getValue("quarkus.datasource.reactive.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class))) {
            var insert = connection.prepareStatement("insert into administrator (username, password_hash) values (?, ?)");
            insert.setString(1, "mapped-admin");
            insert.setString(2, hash);
            insert.executeUpdate();
        }

        Administrator admin = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> Administrator.<Administrator>find("username", "mapped-admin").firstResult()));

        assertNotNull(admin);
        assertEquals("ADMINISTRATOR", admin.role);
        assertNotNull(admin.createdAt);
        assertTrue(PasswordHash.matches("veryinsecurepassword123", admin.passwordHash));
    }
}
