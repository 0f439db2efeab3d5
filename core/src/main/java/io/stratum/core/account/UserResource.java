package io.stratum.core.account;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stratum.core.auth.CallerIdentity;
import io.stratum.core.chat.MemberAddress;
import io.stratum.core.server.ServerConfig;

/** Users' profiles for chat users: {@code GET /api/v1/users/{address}}. */
@Path("/api/v1/users")
@Tag(name = "Users")
public class UserResource {
    private final UserProfiles profiles;
    private final SecurityIdentity identity;
    private final String ownId;

    public UserResource(UserProfiles profiles, SecurityIdentity identity, ServerConfig server) {
        this.profiles = profiles;
        this.identity = identity;
        this.ownId = server.id();
    }

    @GET
    @Path("/{address}")
    @Operation(summary = "A user's profile, by HUID (this server) or address HUID@server-id (any server reachable through the trusts); "
            + "404 no_such_user, 502 server_unreachable, 504 server_timeout")
    public Uni<UserProfile> get(@PathParam("address") String address) {
        CallerIdentity.require(identity);
        MemberAddress parsed;
        try {
            parsed = MemberAddress.parse(address, ownId);
        } catch (io.stratum.core.api.ApiException e) {
            throw io.stratum.core.api.ApiException.badRequest("address_invalid", "a user is named by a HUID or an address HUID@server-id");
        }
        return profiles.of(parsed);
    }
}
