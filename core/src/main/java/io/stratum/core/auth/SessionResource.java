package io.stratum.core.auth;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stratum.core.account.Caller;
import io.stratum.core.account.ChatUser;
import io.stratum.core.account.ChatUsers;
import io.stratum.core.account.DeviceSessions;
import io.stratum.core.api.ApiException;
import io.stratum.core.live.SessionTermination;
import io.vertx.core.http.HttpServerRequest;

/** Refreshing tokens, logging out, and who am I. */
@Path("/api/v1")
@Tag(name = "Authentication")
public class SessionResource {
    private final DeviceSessions sessions;
    private final ChatUsers users;
    private final SecurityIdentity identity;
    private final SessionTermination termination;
    private final LoginAudit audit;

    public SessionResource(DeviceSessions sessions, ChatUsers users, SecurityIdentity identity, SessionTermination termination,
            LoginAudit audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.users = users;
        this.identity = identity;
        this.termination = termination;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RefreshRequest(String refreshToken) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Tokens(String deviceId, String accessToken, long accessExpiresIn, String refreshToken, long refreshExpiresIn) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Me(String huid, String address, String name, String email, String phone, String company, String department,
            String position, String deviceId, String platform) {
    }

    @POST
    @Path("/auth/access-tokens")
    @Operation(summary = "Exchange a refresh token for a new access token and refresh token")
    public Uni<Tokens> refresh(RefreshRequest request, @Context HttpServerRequest http) {
        if (request == null || request.refreshToken() == null || request.refreshToken().isBlank()) {
            throw ApiException.badRequest("bad_request", "send {\"refresh_token\": \"...\"}");
        }
        String ip = http.remoteAddress().hostAddress();
        return sessions.refresh(request.refreshToken().strip())
                .invoke(pair -> audit.refreshed("", pair.deviceId().toString(), ip, null))
                .onFailure().invoke(failure -> audit.refreshed("", "", ip, failure))
                .map(pair -> new Tokens(pair.deviceId().toString(), pair.accessToken(),
                pair.accessExpiresIn(), pair.refreshToken(), pair.refreshExpiresIn()));
    }

    @POST
    @Path("/auth/logout")
    @Operation(summary = "Log this device out: its tokens stop working")
    public Uni<Response> logout(@Context HttpServerRequest http) {
        Caller caller = CallerIdentity.require(identity);
        String ip = http.remoteAddress().hostAddress();
        return sessions.revoke(caller.deviceId()).map(done -> {
            termination.end(caller.huid(), List.of(caller.deviceId()));
            audit.loggedOut(caller.huid().toString(), caller.deviceId().toString(), ip);
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/me")
    @Operation(summary = "The calling user and device")
    public Uni<Me> me() {
        Caller caller = CallerIdentity.require(identity);
        return users.byHuid(caller.huid()).map(found -> {
            ChatUser user = found.orElseThrow(() -> new ApiException(401, "token_invalid", "this user no longer exists"));
            return new Me(user.huid().toString(), user.address(), user.name(), user.email(), user.phone(), user.company(),
                    user.department(), user.position(), caller.deviceId().toString(), caller.platform().code());
        });
    }
}
