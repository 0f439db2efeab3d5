package io.stratum.core.server;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Who this server is. Filled from settings.yaml. */
@ConfigMapping(prefix = "stratum.server")
public interface ServerConfig {
    /** This server's id ({@code cts_id}, {@code ets_id} or {@code rts_id}); also the prefix of its Kafka topics. */
    String id();

    /** The role: cts, ets or rts ({@code project_type}). */
    String role();

    /** This server's public DNS name ({@code ccs_host}). */
    String host();

    /** RTS region code ({@code region}); RTS only. */
    Optional<String> region();
}
