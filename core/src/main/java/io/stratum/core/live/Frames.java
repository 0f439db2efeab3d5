package io.stratum.core.live;

import java.util.UUID;

import io.stratum.core.api.ApiException;
import io.stratum.core.chat.Appended;
import io.stratum.core.chat.ChatSummary;
import io.vertx.core.json.JsonObject;

/** Building and reading WebSocket frames (docs/protocol.md). */
final class Frames {
    private Frames() {
    }

    static JsonObject error(Object re, String code, String message) {
        return new JsonObject().put("type", "error").put("re", re).put("code", code).put("message", message);
    }

    static JsonObject error(Object re, ApiException failure) {
        JsonObject frame = error(re, failure.code(), failure.getMessage());
        failure.details().forEach(frame::put);
        return frame;
    }

    static JsonObject ack(Appended appended) {
        return new JsonObject().put("type", "ack").put("chat", appended.event().chatId().toString()).put("seq", appended.event().seq())
                .put("client_id", appended.event().clientId()).put("ts", appended.event().createdAt().toString())
                .put("duplicate", appended.duplicate());
    }

    static JsonObject chat(ChatSummary chat) {
        return new JsonObject().put("id", chat.id().toString()).put("kind", chat.kind()).put("name", chat.name())
                .put("home_server", chat.homeServer()).put("last_seq", chat.lastSeq()).put("read_seq", chat.readSeq())
                .put("role", chat.role());
    }

    static UUID uuid(JsonObject frame, String field) {
        Object value = frame.getValue(field);
        if (value instanceof String text && text.length() == 36) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new ApiException(400, "invalid_field", field + " must be an id (UUID)", java.util.Map.of("field", field));
    }

    static long seq(JsonObject frame, String field) {
        Object value = frame.getValue(field);
        if (value instanceof Number number && number.longValue() >= 0) {
            return number.longValue();
        }
        throw new ApiException(400, "invalid_field", field + " must be a sequence number", java.util.Map.of("field", field));
    }

    /** A client-supplied string fit to quote back: short, printable. */
    static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) : text;
        return cut.replaceAll("[^\\p{Print}]", "?");
    }
}
