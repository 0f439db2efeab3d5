package io.stratum.trusts.routing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.stratum.trusts.identity.SigningKey;
import io.vertx.core.json.JsonObject;

/**
 * What one server sends another, possibly through relays: from {@code origin} to {@code to}, the
 * origin's outbox number {@code id}, a {@code kind} and a {@code payload} (JSON text, kept as the
 * exact bytes that were signed). {@code signature} is the origin's Ed25519 signature over origin,
 * to, id, kind and payload; relays cannot change any of them unnoticed. {@code hops} is how many more
 * relays may forward it (not signed: each relay lowers it).
 */
public record Envelope(String origin, String to, long id, String kind, String payload, int hops, String signature) {
    public static final int MAX_HOPS = 8;

    /** A new envelope of this server, signed with its key. */
    public static Envelope sign(SigningKey key, String origin, String to, long id, String kind, String payload) {
        byte[] signature = key.sign(signed(origin, to, id, kind, payload));
        return new Envelope(origin, to, id, kind, payload, MAX_HOPS, Base64.getEncoder().encodeToString(signature));
    }

    /** Whether {@code publicKey} signed exactly this envelope. */
    public boolean verify(byte[] publicKey) {
        try {
            return SigningKey.verify(publicKey, signed(origin, to, id, kind, payload), Base64.getDecoder().decode(signature));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The same envelope one relay further. */
    public Envelope relayed() {
        return new Envelope(origin, to, id, kind, payload, hops - 1, signature);
    }

    public JsonObject payloadJson() {
        return new JsonObject(payload);
    }

    public JsonObject toJson() {
        return new JsonObject().put("origin", origin).put("to", to).put("id", id).put("kind", kind).put("payload", payload)
                .put("hops", hops).put("sig", signature);
    }

    /** Reads an envelope; throws {@link IllegalArgumentException} naming what is missing or malformed. */
    public static Envelope fromJson(JsonObject json) {
        if (json == null) {
            throw new IllegalArgumentException("no envelope");
        }
        return new Envelope(text(json, "origin"), text(json, "to"), number(json, "id"), text(json, "kind"), text(json, "payload"),
                (int) number(json, "hops"), text(json, "sig"));
    }

    private static String text(JsonObject json, String field) {
        if (json.getValue(field) instanceof String value && !value.isEmpty()) {
            return value;
        }
        throw new IllegalArgumentException("envelope field " + field + " missing");
    }

    private static long number(JsonObject json, String field) {
        if (json.getValue(field) instanceof Number value) {
            return value.longValue();
        }
        throw new IllegalArgumentException("envelope field " + field + " missing");
    }

    private static byte[] signed(String origin, String to, long id, String kind, String payload) {
        return (origin + "\n" + to + "\n" + id + "\n" + kind + "\n" + payload).getBytes(StandardCharsets.UTF_8);
    }
}
