package io.stratum.core.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import org.postgresql.Driver;

import io.stratum.common.schema.SchemaMigrator;
import io.stratum.common.schema.SchemaVersion;
import io.stratum.common.settings.Settings;

/**
 * Before Quarkus starts: the database of settings.yaml is reachable with its credentials and its
 * schema is not newer than this build. Waits for PostgreSQL while it is still starting.
 */
final class DatabasePreflight {
    private static final Duration WAIT_FOR_DATABASE = Duration.ofSeconds(30);
    private static final String CONNECTION_REFUSED = "08001";
    private static final String CANNOT_CONNECT_NOW = "57P03";

    private DatabasePreflight() {
    }

    /**
     * @return the schema version the database is at (0 when empty)
     * @throws StartupRefusal when the database cannot be used, saying why
     */
    static int check(Settings settings) {
        try (Connection connection = connect(settings)) {
            int version = SchemaMigrator.currentVersion(connection);
            String refusal = SchemaVersion.refusal(version);
            if (refusal != null) {
                throw new StartupRefusal("database " + settings.postgresDatabase() + ": " + refusal);
            }
            return version;
        } catch (SQLException e) {
            throw new StartupRefusal(describe(settings, e));
        }
    }

    private static Connection connect(Settings settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.postgresUser());
        properties.setProperty("password", settings.postgresPassword());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "stratum-preflight");
        long deadline = System.nanoTime() + WAIT_FOR_DATABASE.toNanos();
        while (true) {
            try {
                return new Driver().connect(settings.jdbcUrl(), properties);
            } catch (SQLException e) {
                boolean starting = CONNECTION_REFUSED.equals(e.getSQLState()) || CANNOT_CONNECT_NOW.equals(e.getSQLState());
                if (!starting || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep();
            }
        }
    }

    // PostgreSQL's messages name the user and the database, never the password.
    private static String describe(Settings settings, SQLException e) {
        String where = "PostgreSQL at " + settings.postgresHost() + ":" + settings.postgresPort()
                + ", database " + settings.postgresDatabase() + ", user " + settings.postgresUser();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "28P01", "28000" -> where + ": login refused; check postgres_user and postgres_password in settings.yaml";
            case "3D000" -> where + ": the database does not exist; create it (`stratum up` does) or fix postgres_db";
            case CONNECTION_REFUSED, CANNOT_CONNECT_NOW -> where + ": not reachable after " + WAIT_FOR_DATABASE.toSeconds()
                    + " s; is PostgreSQL running and postgres_host right?";
            default -> where + ": " + e.getMessage();
        };
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupRefusal("interrupted while waiting for PostgreSQL");
        }
    }
}
