package io.stratum.core.chat;

import java.time.Instant;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * One entry of a chat's log, as clients receive it. {@code body} is opaque to the server (it may be
 * end-to-end encrypted); {@code meta} holds what the server does understand (reply, forward,
 * mentions, attachments, membership changes). {@code body} is null for deleted messages.
 */
public record ChatEvent(UUID chatId, long seq, String kind, UUID author, String clientId, Long targetSeq, String contentType,
        String body, JsonObject meta, Instant createdAt) {

    /** The {@code event} frame / history item. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("type", "event").put("chat", chatId.toString()).put("seq", seq).put("kind", kind)
                .put("author", author.toString()).put("ts", createdAt.toString());
        if (clientId != null) {
            json.put("client_id", clientId);
        }
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

    public static ChatEvent fromJson(JsonObject json) {
        return new ChatEvent(UUID.fromString(json.getString("chat")), json.getLong("seq"), json.getString("kind"),
                UUID.fromString(json.getString("author")), json.getString("client_id"), json.getLong("target_seq"),
                json.getString("content_type"), json.getString("body"), json.getJsonObject("meta", new JsonObject()),
                Instant.parse(json.getString("ts")));
    }
}
