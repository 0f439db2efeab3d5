package io.stratum.client.live;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratum.client.http.Json;

/**
 * The server's acknowledgement of a send, edit or delete: the event is committed to the database
 * with {@code seq}. {@code duplicate} is true when the same {@code clientId} had been stored before
 * (a re-send after a lost connection); {@code seq} is then the first one's.
 */
public record Ack(UUID chat, long seq, String clientId, Instant ts, boolean duplicate) {
    static Ack fromJson(JsonNode frame) {
        return new Ack(UUID.fromString(frame.get("chat").asText()), frame.path("seq").asLong(), Json.text(frame, "client_id"),
                frame.hasNonNull("ts") ? Instant.parse(frame.get("ts").asText()) : null, frame.path("duplicate").asBoolean(false));
    }
}
