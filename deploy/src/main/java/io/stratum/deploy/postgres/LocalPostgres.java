package io.stratum.deploy.postgres;

import java.nio.file.Path;

/** Picks the PostgreSQL server for this machine: the system cluster when installed, else embedded. */
public final class LocalPostgres {
    private LocalPostgres() {
    }

    /**
     * @param stateDirectory where an embedded server keeps its data, pid and log
     * @param port           the port settings.yaml names; an embedded server listens there
     * @param forceEmbedded  use the embedded server even if a system cluster exists
     */
    public static PostgresServer forMachine(Path stateDirectory, int port, boolean forceEmbedded) {
        if (!forceEmbedded) {
            var system = SystemPostgres.find();
            if (system.isPresent()) {
                return system.get();
            }
        }
        return new EmbeddedPostgresServer(stateDirectory, port);
    }
}
