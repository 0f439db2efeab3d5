package io.stratum.testsupport;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import io.stratum.deploy.postgres.LocalPostgres;
import io.stratum.deploy.postgres.PostgresServer;

/**
 * The PostgreSQL server tests use: the system cluster (started if it is stopped) or, without one,
 * an embedded server. Tests log in as {@code stratum_test}, which may create databases; each test
 * class gets a database of its own.
 */
public final class TestPostgres {
    public static final String USER = "stratum_test";
    public static final String PASSWORD = "stratum_test_password";
    private static PostgresServer server;

    private TestPostgres() {
    }

    /** A database created for one test. */
    public record Database(String name, String host, int port) {
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }

        public String user() {
            return USER;
        }

        public String password() {
            return PASSWORD;
        }
    }

    /** The running server, started and prepared on first use. */
    public static synchronized PostgresServer server() {
        if (server == null) {
            boolean embedded = LocalPostgres.embeddedChosen();
            PostgresServer candidate = LocalPostgres.forMachine(Path.of(System.getProperty("java.io.tmpdir"), "stratum-test-postgres"),
                    embedded ? 15432 : 5432, embedded);
            candidate.start();
            candidate.ensureDatabase(USER, PASSWORD, USER);
            candidate.allowCreateDatabase(USER);
            server = candidate;
        }
        return server;
    }

    /** A new, empty database owned by the test user. */
    public static Database createDatabase(String purpose) {
        PostgresServer pg = server();
        String name = ("t_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        pg.superuserSql("CREATE DATABASE \"" + name + "\" OWNER \"" + USER + "\"");
        return new Database(name, "localhost", pg.port());
    }

    public static void dropDatabase(Database database) {
        server().dropDatabase(database.name());
    }
}
