package io.stratum.client.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.stratum.client.http.Json;

/**
 * One entry of a chat's log (an {@code event} frame or a history item): a message, an edit, a
 * deletion, a membership change... {@code kind} says which; see docs/protocol.md for the fields
 * of each kind. {@code body} is null for deleted messages and non-message kinds.
 */
public record ChatEvent(UUID chat, long seq, String kind, UUID author, Instant ts, String clientId, Long targetSeq,
        String contentType, String body, JsonNode meta) {

    public static final String MESSAGE = "message";
    public static final String EDIT = "edit";
    public static final String DELETE = "delete";

    public static ChatEvent fromJson(JsonNode json) {
        JsonNode target = json.get("target_seq");
        JsonNode meta = json.get("meta");
        return new ChatEvent(UUID.fromString(json.get("chat").asText()), json.get("seq").asLong(), Json.text(json, "kind"),
                json.hasNonNull("author") ? UUID.fromString(json.get("author").asText()) : null,
                json.hasNonNull("ts") ? Instant.parse(json.get("ts").asText()) : null, Json.text(json, "client_id"),
                target == null || target.isNull() ? null : target.asLong(), Json.text(json, "content_type"), Json.text(json, "body"),
                meta == null || meta.isNull() ? JsonNodeFactory.instance.objectNode() : meta);
    }

    public boolean isMessage() {
        return MESSAGE.equals(kind);
    }

    /** The ids of the files attached to a message ({@code meta.attachments}); download them with {@code session.files()}. */
    public List<UUID> attachments() {
        List<UUID> files = new ArrayList<>();
        for (JsonNode file : meta.path("attachments")) {
            files.add(UUID.fromString(file.asText()));
        }
        return List.copyOf(files);
    }

    /** True for a message whose body was deleted for everyone (as history shows it). */
    public boolean isDeleted() {
        return meta.path("deleted").asBoolean(false);
    }
}
