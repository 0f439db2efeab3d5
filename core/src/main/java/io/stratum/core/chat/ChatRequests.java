package io.stratum.core.chat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.core.api.ApiException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Turns a client's {@code send}, {@code edit} and {@code delete} (WebSocket frame or REST body, the
 * same JSON) into an {@link Append}, refusing anything malformed with a precise error. The body
 * stays opaque: only its size is checked.
 */
@ApplicationScoped
public class ChatRequests {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9.+-]{1,40}/[a-z0-9.+-]{1,60}");
    private static final int MAX_MENTIONS = 100;
    private static final int MAX_ATTACHMENTS = 20;

    private final MessagingConfig config;

    public ChatRequests(MessagingConfig config) {
        this.config = config;
    }

    public Append send(UUID author, JsonObject request) {
        UUID chat = uuid(request, "chat");
        String clientId = clientId(request);
        String contentType = contentType(request);
        JsonObject meta = new JsonObject();
        Long replyTo = optionalSeq(request, "reply_to");
        if (replyTo != null) {
            meta.put("reply_to", replyTo);
        }
        Object forward = request.getValue("forward");
        if (forward != null) {
            if (!(forward instanceof JsonObject source)) {
                throw invalid("forward", "forward is an object {\"chat\": id, \"seq\": n}");
            }
            meta.put("forward", new JsonObject().put("chat", uuid(source, "chat").toString()).put("seq", seq(source, "seq")));
        }
        JsonArray mentions = array(request, "mentions", MAX_MENTIONS);
        if (mentions != null) {
            JsonArray checked = new JsonArray();
            mentions.forEach(value -> checked.add(asUuid(value, "mentions").toString()));
            meta.put("mentions", checked);
        }
        JsonArray attachments = array(request, "attachments", MAX_ATTACHMENTS);
        if (attachments != null) {
            JsonArray checked = new JsonArray();
            attachments.forEach(value -> checked.add(asUuid(value, "attachments").toString()));
            meta.put("attachments", checked);
        }
        String body = body(request, attachments == null || attachments.isEmpty());
        return new Append(chat, author, EventKind.MESSAGE, clientId, null, contentType, body, meta);
    }

    public Append edit(UUID author, JsonObject request) {
        return new Append(uuid(request, "chat"), author, EventKind.EDIT, clientId(request), seq(request, "seq"), contentType(request),
                body(request, true), new JsonObject());
    }

    public Append delete(UUID author, JsonObject request) {
        return new Append(uuid(request, "chat"), author, EventKind.DELETE, clientId(request), seq(request, "seq"), null, null,
                new JsonObject());
    }

    private String body(JsonObject request, boolean required) {
        Object value = request.getValue("body");
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String body) || body.isEmpty()) {
            throw invalid("body", "body is a non-empty string (text, or the client's encrypted payload)");
        }
        if (body.length() > config.maxBodyBytes() || body.getBytes(StandardCharsets.UTF_8).length > config.maxBodyBytes()) {
            throw new ApiException(413, "body_too_large", "the message body exceeds " + config.maxBodyBytes() + " bytes");
        }
        if (body.indexOf('\0') >= 0) {
            // PostgreSQL text cannot hold U+0000: stored, it would fail the whole batch of other members' sends.
            throw invalid("body", "body must not contain U+0000; send binary payloads encoded, e.g. as base64");
        }
        return body;
    }

    private static String clientId(JsonObject request) {
        Object value = request.getValue("client_id");
        if (!(value instanceof String id) || !CLIENT_ID.matcher(id).matches()) {
            throw invalid("client_id", "client_id is the client's own id for this request: 1 to 64 of A-Z a-z 0-9 . _ : -");
        }
        return id;
    }

    private static String contentType(JsonObject request) {
        Object value = request.getValue("content_type");
        if (value == null) {
            return "text/plain";
        }
        if (!(value instanceof String type) || !CONTENT_TYPE.matcher(type).matches()) {
            throw invalid("content_type", "content_type is a media type such as text/plain");
        }
        return type;
    }

    static UUID uuid(JsonObject request, String field) {
        return asUuid(request.getValue(field), field);
    }

    private static UUID asUuid(Object value, String field) {
        if (value instanceof String text && text.length() == 36) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw invalid(field, field + " must be an id (UUID)");
    }

    static long seq(JsonObject request, String field) {
        Long seq = optionalSeq(request, field);
        if (seq == null) {
            throw invalid(field, field + " is required: a sequence number of the chat");
        }
        return seq;
    }

    private static Long optionalSeq(JsonObject request, String field) {
        Object value = request.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == number.longValue() && number.longValue() > 0) {
            return number.longValue();
        }
        throw invalid(field, field + " must be a positive whole number");
    }

    private static JsonArray array(JsonObject request, String field, int max) {
        Object value = request.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array) || array.size() > max) {
            throw invalid(field, field + " is a list of at most " + max + " ids");
        }
        return array;
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid_field", message, java.util.Map.of("field", field));
    }
}
