package io.stratum.core.server;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Public facts about this server that clients and peers may read without logging in. */
@Path("/api/v1/server")
@Produces(MediaType.APPLICATION_JSON)
public class ServerInfoResource {
    private final ServerConfig server;
    private final BuildInfo build;

    public ServerInfoResource(ServerConfig server, BuildInfo build) {
        this.server = server;
        this.build = build;
    }

    /** Server id, role, host, version, start time and uptime. */
    public record ServerInfo(String id, String role, String host, String version, Instant startedAt, long uptimeSeconds) {
    }

    @GET
    @Operation(summary = "Public facts about this server: id, role, host, version, uptime")
    public ServerInfo info() {
        return new ServerInfo(server.id(), server.role(), server.host(), build.version(), build.startedAt(),
                Duration.between(build.startedAt(), Instant.now()).toSeconds());
    }
}
