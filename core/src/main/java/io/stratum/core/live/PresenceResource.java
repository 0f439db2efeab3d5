package io.stratum.core.live;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.auth.CallerIdentity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Who of my contacts is online, and when they were last seen. */
@Path("/api/v1/presence")
@Tag(name = "Presence")
public class PresenceResource {
    private static final int MAX_USERS = 500;

    private final Presence presence;
    private final SecurityIdentity identity;

    public PresenceResource(Presence presence, SecurityIdentity identity) {
        this.presence = presence;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Online state of up to 500 users who share a chat with the caller (?user=<huid>&user=...)")
    public Uni<JsonObject> of(@QueryParam("user") List<String> users) {
        UUID asker = CallerIdentity.require(identity).huid();
        if (users == null || users.isEmpty() || users.size() > MAX_USERS) {
            throw ApiException.badRequest("invalid_field", "name 1 to " + MAX_USERS + " users with ?user=<huid>");
        }
        List<UUID> ids = new ArrayList<>();
        for (String user : users) {
            ids.add(Frames.uuid(new JsonObject().put("user", user), "user"));
        }
        return presence.of(asker, ids).map(states -> new JsonObject().put("users", new JsonArray(new ArrayList<Object>(states))));
    }
}
