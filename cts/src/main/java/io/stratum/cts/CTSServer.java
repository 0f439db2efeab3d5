package io.stratum.cts;

import io.quarkus.runtime.annotations.QuarkusMain;
import io.stratum.common.settings.Role;
import io.stratum.core.boot.StratumLauncher;

/** Starts the CTS role: {@code java -jar cts/target/quarkus-app/quarkus-run.jar} with settings.yaml. */
@QuarkusMain
public final class CTSServer {
    private CTSServer() {
    }

    public static void main(String... args) {
        StratumLauncher.launch(Role.CTS, args);
    }
}
