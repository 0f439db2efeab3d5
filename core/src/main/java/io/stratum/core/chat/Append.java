package io.stratum.core.chat;

import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * A member's request to add an event to a chat: a message, or an edit or deletion of one
 * ({@code targetSeq}). {@code clientId} makes the request idempotent per author.
 */
public record Append(UUID chatId, UUID author, String kind, String clientId, Long targetSeq, String contentType, String body,
        JsonObject meta) {
}
