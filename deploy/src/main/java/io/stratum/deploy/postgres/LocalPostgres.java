package io.stratum.deploy.postgres;

import java.nio.file.Path;

/** Picks the PostgreSQL server for this machine: the system cluster when installed, else embedded. */
public final class LocalPostgres {
    /** Environment variable: {@code embedded} chooses the embedded PostgreSQL even where a system cluster exists. */
    public static final String CHOICE = "STRATUM_POSTGRES";

    private LocalPostgres() {
    }

    /** True when {@link #CHOICE} asks for the embedded server. */
    public static boolean embeddedChosen() {
        return "embedded".equals(System.getenv(CHOICE));
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
