package io.stratum.core.chat;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.auth.CallerIdentity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Chats over REST: list, create, members, rename, avatar removal, history, and sending for clients
 * without a WebSocket (bots, scripts). Setting and fetching the avatar stream an image and are routes
 * of the file storage ({@code io.stratum.core.files.ChatAvatarRoutes}).
 */
@Path("/api/v1/chats")
@Tag(name = "Chats")
public class ChatResource {
    private final Chats chats;
    private final ChatHistory history;
    private final ChatLog log;
    private final ChatRequests requests;
    private final ChatAvatars avatars;
    private final SendBudget sendBudget;
    private final SecurityIdentity identity;

    public ChatResource(Chats chats, ChatHistory history, ChatLog log, ChatRequests requests, ChatAvatars avatars,
            SendBudget sendBudget, SecurityIdentity identity) {
        this.sendBudget = sendBudget;
        this.chats = chats;
        this.avatars = avatars;
        this.history = history;
        this.log = log;
        this.requests = requests;
        this.identity = identity;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewChat(String kind, String name, List<String> members) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Members(List<String> members) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Rename(String name) {
    }

    @GET
    @Operation(summary = "The caller's chats with their last sequence numbers")
    public Uni<List<ChatSummary>> list() {
        return chats.list(user());
    }

    @POST
    @Operation(summary = "Create a personal chat, group or channel; a personal chat with the same user is returned if it exists")
    public Uni<Response> create(NewChat request) {
        if (request == null) {
            throw ApiException.badRequest("bad_request", "send {\"kind\": ..., \"name\": ..., \"members\": [...]}");
        }
        UUID creator = user();
        return chats.create(creator, request.kind(), request.name(), request.members())
                .chain(id -> chats.get(creator, id))
                .map(chat -> Response.status(201).entity(chat).build());
    }

    @GET
    @Path("/{chat}")
    @Operation(summary = "One chat with its members and their receipts")
    public Uni<ChatSummary> get(@PathParam("chat") UUID chat) {
        return chats.get(user(), chat);
    }

    @PATCH
    @Path("/{chat}")
    @Operation(summary = "Rename a group or channel (admins)")
    public Uni<JsonObject> rename(@PathParam("chat") UUID chat, Rename request) {
        return chats.rename(user(), chat, request == null ? null : request.name()).map(ChatEvent::toJson);
    }

    @DELETE
    @Path("/{chat}/avatar")
    @Operation(summary = "Remove the avatar of a group or channel (admins); set it with PUT and the raw image, fetch it with GET")
    public Uni<JsonObject> clearAvatar(@PathParam("chat") UUID chat) {
        return avatars.clear(user(), chat).map(ChatEvent::toJson);
    }

    @POST
    @Path("/{chat}/members")
    @Operation(summary = "Add members (admins)")
    public Uni<JsonObject> addMembers(@PathParam("chat") UUID chat, Members request) {
        return chats.addMembers(user(), chat, request == null ? null : request.members()).map(ChatEvent::toJson);
    }

    @DELETE
    @Path("/{chat}/members/{member}")
    @Operation(summary = "Remove a member (admins)")
    public Uni<JsonObject> removeMember(@PathParam("chat") UUID chat, @PathParam("member") UUID member) {
        return chats.removeMember(user(), chat, member).map(ChatEvent::toJson);
    }

    @PUT
    @Path("/{chat}/admins/{member}")
    @Operation(summary = "Make a member an admin (admins)")
    public Uni<JsonObject> grantAdmin(@PathParam("chat") UUID chat, @PathParam("member") UUID member) {
        return chats.setAdmin(user(), chat, member, true).map(ChatEvent::toJson);
    }

    @DELETE
    @Path("/{chat}/admins/{member}")
    @Operation(summary = "Take a member's admin role (admins)")
    public Uni<JsonObject> revokeAdmin(@PathParam("chat") UUID chat, @PathParam("member") UUID member) {
        return chats.setAdmin(user(), chat, member, false).map(ChatEvent::toJson);
    }

    @POST
    @Path("/{chat}/leave")
    @Operation(summary = "Leave the chat")
    public Uni<JsonObject> leave(@PathParam("chat") UUID chat) {
        return chats.leave(user(), chat).map(ChatEvent::toJson);
    }

    @GET
    @Path("/{chat}/events")
    @Operation(summary = "History: events after a sequence number (oldest first), or the page before one")
    public Uni<JsonObject> events(@PathParam("chat") UUID chat, @QueryParam("after") Long after, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        UUID member = user();
        return chats.get(member, chat)
                .chain(summary -> before != null ? history.before(member, chat, before, limit) : history.after(member, chat, after == null ? 0 : after, limit))
                .map(events -> {
                    JsonArray items = new JsonArray();
                    events.forEach(event -> items.add(event.toJson()));
                    return new JsonObject().put("chat", chat.toString()).put("events", items);
                });
    }

    @POST
    @Path("/{chat}/messages")
    @Operation(summary = "Send a message (same fields as the WebSocket send frame); answers once it is stored")
    public Uni<JsonObject> send(@PathParam("chat") UUID chat, JsonObject request) {
        if (request == null) {
            throw ApiException.badRequest("bad_request", "send a JSON object with client_id and body");
        }
        if (!sendBudget.tryTake(user())) {
            throw new ApiException(429, "rate_limited", "too many sends; slow down");
        }
        return log.append(requests.send(user(), request.put("chat", chat.toString()))).map(appended -> new JsonObject()
                .put("chat", chat.toString()).put("seq", appended.event().seq()).put("client_id", appended.event().clientId())
                .put("ts", appended.event().createdAt().toString()).put("duplicate", appended.duplicate()));
    }

    private UUID user() {
        return CallerIdentity.require(identity).huid();
    }
}
