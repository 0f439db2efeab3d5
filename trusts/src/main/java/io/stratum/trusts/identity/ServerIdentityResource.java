package io.stratum.trusts.identity;

import java.util.Base64;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.stratum.core.server.ServerConfig;

/** Publishes this server's public signing key, so that peers and administrators can pin it. */
@Path("/api/v1/server/identity")
@Produces(MediaType.APPLICATION_JSON)
public class ServerIdentityResource {
    private final ServerIdentity identity;
    private final ServerConfig server;

    public ServerIdentityResource(ServerIdentity identity, ServerConfig server) {
        this.identity = identity;
        this.server = server;
    }

    /** The public half of the key (base64 of the 32 raw bytes) and its SHA-256 fingerprint. */
    public record PublicIdentity(String serverId, String algorithm, String publicKey, String fingerprint) {
    }

    @GET
    @Operation(summary = "This server's Ed25519 public signing key and its fingerprint")
    public Response publicIdentity() {
        return identity.signingKey()
                .map(key -> Response.ok(new PublicIdentity(server.id(), SigningKey.ALGORITHM,
                        Base64.getEncoder().encodeToString(key.publicKey()), key.fingerprint())).build())
                .orElseGet(() -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .entity(new ErrorBody("identity_not_ready", "the server signing key is not loaded yet")).build());
    }

    /** An error as the API returns it: a code for programs and a text for people. */
    public record ErrorBody(String code, String message) {
    }
}
