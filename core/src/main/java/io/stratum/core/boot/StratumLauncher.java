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
 * Quarkus until the process is told to stop.
 */
public final class StratumLauncher implements QuarkusApplication {
    /** Exit code for a server that refused to start because of its settings or database. */
    public static final int EXIT_REFUSED = 2;
    private static final String APPCDS_GENERATION = "quarkus.appcds.generate";

    public static void launch(Role role, String... args) {
        if (Boolean.getBoolean(APPCDS_GENERATION)) {
            // The build runs the application once to record its class-data-sharing archive; it stops
            // after static initialisation and needs neither settings.yaml nor a database.
            Quarkus.run(StratumLauncher.class, args);
            return;
        }
        try {
            Settings settings = SettingsFile.read(SettingsFile.locate(), Optional.of(role));
            DatabasePreflight.check(settings);
        } catch (SettingsException | StartupRefusal e) {
            System.err.println("stratum-" + role.code() + ": cannot start: " + e.getMessage());
            System.exit(EXIT_REFUSED);
        }
        Quarkus.run(StratumLauncher.class, args);
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }
}
