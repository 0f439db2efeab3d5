package io.stratum.rts;

import io.quarkus.runtime.annotations.QuarkusMain;
import io.stratum.common.settings.Role;
import io.stratum.core.boot.StratumLauncher;

/** Starts the RTS role: {@code java -jar rts/target/quarkus-app/quarkus-run.jar} with settings.yaml. */
@QuarkusMain
public final class RTSServer {
    private RTSServer() {
    }

    public static void main(String... args) {
        StratumLauncher.launch(Role.RTS, args);
    }
}
