package io.stratum.deploy.admin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.stratum.common.password.PasswordHash;
import io.stratum.common.schema.SchemaMigrator;
import io.stratum.common.settings.Settings;

/**
 * Creates console administrators in a server's database. The schema is brought up to date first
 * with the same migrations the server applies, so this works before the server has ever started.
 */
public final class AdministratorStore {
    private final Settings settings;

    public AdministratorStore(Settings settings) {
        this.settings = settings;
    }

    /** Thrown when the user name is taken. */
    public static final class AlreadyExists extends RuntimeException {
        AlreadyExists(String username) {
            super("administrator `" + username + "` exists already");
        }
    }

    public void create(String username, String password) {
        try {
            new SchemaMigrator(settings.jdbcUrl(), settings.postgresUser(), settings.postgresPassword()).migrate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate database " + settings.postgresDatabase() + ": " + e.getMessage());
        }
        String hash = PasswordHash.hash(password);
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.postgresUser(), settings.postgresPassword());
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO administrator (username, password_hash, role) VALUES (?, ?, 'ADMINISTRATOR') "
                             + "ON CONFLICT (username) DO NOTHING")) {
            insert.setString(1, username);
            insert.setString(2, hash);
            if (insert.executeUpdate() == 0) {
                throw new AlreadyExists(username);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to database " + settings.postgresDatabase() + " at "
                    + settings.postgresHost() + ":" + settings.postgresPort() + ": " + e.getMessage());
        }
    }
}
