package io.stratum.client.http;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A failure the server reported (REST error body or WebSocket {@code error} frame), or a transport
 * failure ({@link #TRANSPORT}, status 0). {@link #code()} is the protocol's stable error code
 * (docs/protocol.md, "Errors"); {@link #details()} holds the extra fields such as
 * {@code attempts_left} or {@code retry_after}.
 */
public class StratumException extends RuntimeException {
    /** The code of failures that never reached the server or got no answer. */
    public static final String TRANSPORT = "transport";

    private final int status;
    private final String code;
    private final JsonNode details;

    public StratumException(int status, String code, String message, JsonNode details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? JsonNodeFactory.instance.objectNode() : details;
    }

    public static StratumException transport(String message, Throwable cause) {
        StratumException failure = new StratumException(0, TRANSPORT, message, null);
        failure.initCause(cause);
        return failure;
    }

    /** HTTP status (0 for a transport failure or a WebSocket error frame). */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The whole error object, including {@code code} and {@code message}. */
    public JsonNode details() {
        return details;
    }

    /** {@code attempts_left} when the server sent it (wrong PIN). */
    public Optional<Integer> attemptsLeft() {
        return details.hasNonNull("attempts_left") ? Optional.of(details.get("attempts_left").asInt()) : Optional.empty();
    }

    /** {@code retry_after} in seconds when the server sent it (limits). */
    public Optional<Long> retryAfterSeconds() {
        return details.hasNonNull("retry_after") ? Optional.of(details.get("retry_after").asLong()) : Optional.empty();
    }
}
