package io.stratum.common.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.postgresql.Driver;

/**
 * Brings a server's database to {@link SchemaVersion#LATEST} with Flyway over JDBC. Used by the
 * server at start and by {@code stratum add-admin}, so both apply the same migrations the same way.
 * Blocking: call it from a start-up or command thread, never from an event loop.
 */
public final class SchemaMigrator {
    private final String jdbcUrl;
    private final String user;
    private final String password;

    public SchemaMigrator(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Thrown when the database was migrated by a newer build; the message says what to do. */
    public static final class NewerSchemaException extends RuntimeException {
        NewerSchemaException(String message) {
            super(message);
        }
    }

    /**
     * Applies pending migrations. Does nothing (and costs one query) when the database is already at
     * {@link SchemaVersion#LATEST}; refuses a database newer than this build.
     *
     * @return the number of migrations applied
     */
    public int migrate() throws SQLException {
        int current;
        try (Connection connection = connect()) {
            current = currentVersion(connection);
        }
        String refusal = SchemaVersion.refusal(current);
        if (refusal != null) {
            throw new NewerSchemaException(refusal);
        }
        if (current == SchemaVersion.LATEST) {
            return 0;
        }
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:" + SchemaVersion.LOCATION)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    // The driver directly, not DriverManager: in a Quarkus fast-jar the driver is not visible to
    // DriverManager's class loader.
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        return new Driver().connect(jdbcUrl, properties);
    }

    /** The newest successfully applied migration, 0 for an empty database. */
    public static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select to_regclass('flyway_schema_history') is not null")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return 0;
                }
            }
            try (ResultSet newest = statement.executeQuery(
                    "select coalesce(max(cast(version as integer)), 0) from flyway_schema_history "
                            + "where success and version ~ '^[0-9]+$'")) {
                newest.next();
                return newest.getInt(1);
            }
        }
    }
}
