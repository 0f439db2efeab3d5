package io.stratum.core.boot;

import java.util.Optional;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.stratum.common.settings.Role;
import io.stratum.common.settings.Settings;
import io.stratum.common.settings.SettingsException;
import io.stratum.common.settings.SettingsFile;

/**
 * The entry point every role's main method calls. It refuses to start, with one line on standard
 * error and exit code 2, when settings.yaml or the database is not usable; otherwise it runs
 * Quarkus until the process is told to stop. The database is checked and migrated on a thread of
 * its own while Quarkus initialises ({@link DatabasePreparation}).
 */
public final class StratumLauncher implements QuarkusApplication {
    /** Exit code for a server that refused to start because of its settings or database. */
    public static final int EXIT_REFUSED = 2;

    public static void launch(Role role, String... args) {
        try {
            Settings settings = SettingsFile.read(SettingsFile.locate(), Optional.of(role));
            DatabasePreparation.begin(role, settings);
        } catch (SettingsException e) {
            refuse(role.code(), e.getMessage());
        }
        Quarkus.run(StratumLauncher.class, args);
    }

    /** Says on standard error why the server cannot start and ends the process with {@link #EXIT_REFUSED}. */
    static void refuse(String roleCode, String reason) {
        System.err.println("stratum-" + roleCode + ": cannot start: " + reason);
        System.err.flush();
        // halt, not exit: exit would run Quarkus' shutdown hook, which waits for the start that
        // called this to finish. Nothing has been written or opened yet that needs closing.
        Runtime.getRuntime().halt(EXIT_REFUSED);
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }
}
