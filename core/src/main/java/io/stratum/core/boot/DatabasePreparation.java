package io.stratum.core.boot;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.stratum.common.schema.SchemaMigrator;
import io.stratum.common.schema.SchemaVersion;
import io.stratum.common.settings.Role;
import io.stratum.common.settings.Settings;

/**
 * The database work that must finish before the server touches its data: the {@link DatabasePreflight}
 * check, then the pending migrations. {@link StratumLauncher} begins it on its own thread, so that
 * connecting to PostgreSQL overlaps Quarkus' own initialisation instead of preceding it;
 * {@link SchemaMigration} waits for it before any other start-up work runs.
 */
final class DatabasePreparation {
    private static volatile CompletableFuture<Integer> running;
    private static volatile String roleCode;

    private DatabasePreparation() {
    }

    /** Starts the check and the migrations for this installation; returns at once. */
    static void begin(Role role, Settings settings) {
        roleCode = role.code();
        CompletableFuture<Integer> preparation = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                preparation.complete(prepare(settings));
            } catch (RuntimeException e) {
                preparation.completeExceptionally(e);
            }
        }, "database-preparation");
        thread.setDaemon(true);
        running = preparation;
        thread.start();
    }

    /** Whether {@link #begin} was called in this process (it is not in {@code @QuarkusTest}s). */
    static boolean begun() {
        return running != null;
    }

    /**
     * Waits for the preparation begun by {@link #begin}. When the database was refused, the process
     * ends here, as {@link StratumLauncher#refuse} does.
     *
     * @return the number of migrations applied
     */
    static int await() {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StartupRefusal refusal) {
                StratumLauncher.refuse(roleCode, refusal.getMessage());
            }
            throw e;
        }
    }

    private static int prepare(Settings settings) {
        int version = DatabasePreflight.check(settings);
        if (version == SchemaVersion.LATEST) {
            return 0;
        }
        try {
            return new SchemaMigrator(settings.jdbcUrl(), settings.postgresUser(), settings.postgresPassword()).migrate();
        } catch (SQLException e) {
            throw new StartupRefusal("database " + settings.postgresDatabase() + ": migration failed: " + e.getMessage());
        }
    }
}
