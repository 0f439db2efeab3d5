package io.stratum.core.chat;

import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * A member's request to add an event to a chat: a message, or an edit or deletion of one
 * ({@code targetSeq}). {@code clientId} makes the request idempotent per author. {@code origin} is
 * null for a user of this server, else the server of the author (a remote member's request that came
 * through a trust: the author must be a member from that server).
 */
public record Append(UUID chatId, UUID author, String kind, String clientId, Long targetSeq, String contentType, String body,
        JsonObject meta, String origin) {

    public Append(UUID chatId, UUID author, String kind, String clientId, Long targetSeq, String contentType, String body, JsonObject meta) {
        this(chatId, author, kind, clientId, targetSeq, contentType, body, meta, null);
    }

    /** The wire form inside a {@code chat.append} envelope. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("chat", chatId.toString()).put("author", author.toString()).put("kind", kind)
                .put("client_id", clientId);
        if (targetSeq != null) {
            json.put("target_seq", targetSeq);
        }
        if (contentType != null) {
            json.put("content_type", contentType);
        }
        if (body != null) {
            json.put("body", body);
        }
        if (meta != null && !meta.isEmpty()) {
            json.put("meta", meta);
        }
        return json;
    }

    /** From {@link #toJson()}, as sent by {@code origin}. */
    public static Append fromJson(JsonObject json, String origin) {
        return new Append(UUID.fromString(json.getString("chat")), UUID.fromString(json.getString("author")), json.getString("kind"),
                json.getString("client_id"), json.getLong("target_seq"), json.getString("content_type"), json.getString("body"),
                json.getJsonObject("meta", new JsonObject()), origin);
    }
}
