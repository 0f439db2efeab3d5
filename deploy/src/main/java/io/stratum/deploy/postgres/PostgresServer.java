package io.stratum.deploy.postgres;

import java.nio.file.Path;

import io.stratum.deploy.process.Health;

/**
 * A PostgreSQL server on this machine that the stratum command can start and administer.
 * Methods block; they are called from the command's main thread only.
 */
public interface PostgresServer {
    /** Starts the server if it is not running. Returns true if this call started it. */
    boolean start();

    /** Stops the server. */
    void stop();

    /** The TCP port clients use. */
    int port();

    /** Runs SQL as the superuser and returns what it printed (psql -tA style: one row per line, '|' between columns). */
    String superuserSql(String sql);

    /** Whether it accepts connections. */
    Health health();

    /** Its log file. */
    Path logFile();

    /**
     * Ensures a login role with this password and a database it owns exist. Idempotent; the
     * password is passed on standard input or a connection, never on a command line.
     */
    default void ensureDatabase(String user, String password, String database) {
        Identifiers.requireSafe(user);
        Identifiers.requireSafe(database);
        String literal = "'" + password.replace("'", "''") + "'";
        String exists = superuserSql("SELECT count(*) FROM pg_roles WHERE rolname = '" + user + "'").trim();
        try {
            superuserSql(("0".equals(exists) ? "CREATE ROLE " : "ALTER ROLE ") + "\"" + user + "\" LOGIN PASSWORD " + literal);
        } catch (IllegalStateException e) {
            // psql echoes a failing statement, which holds the password: report without it.
            throw new IllegalStateException("cannot set up PostgreSQL role " + user);
        }
        String db = superuserSql("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'").trim();
        if ("0".equals(db)) {
            superuserSql("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
        }
    }

    /** Grants a role the right to create databases (the test role creates one per test class). */
    default void allowCreateDatabase(String user) {
        Identifiers.requireSafe(user);
        superuserSql("ALTER ROLE \"" + user + "\" CREATEDB");
    }

    /** Drops a database if it exists. */
    default void dropDatabase(String database) {
        Identifiers.requireSafe(database);
        superuserSql("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
    }
}
