package io.stratum.ets;

import io.quarkus.runtime.annotations.QuarkusMain;
import io.stratum.common.settings.Role;
import io.stratum.core.boot.StratumLauncher;

/** Starts the ETS role: {@code java -jar ets/target/quarkus-app/quarkus-run.jar} with settings.yaml. */
@QuarkusMain
public final class ETSServer {
    private ETSServer() {
    }

    public static void main(String... args) {
        StratumLauncher.launch(Role.ETS, args);
    }
}
