package io.stratum.trusts.link;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** Frames on the link: one JSON object per line, at most {@link #MAX_FRAME} bytes. */
final class LinkFrames {
    static final int MAX_FRAME = 1024 * 1024;
    static final int VERSION = 1;

    private LinkFrames() {
    }

    static Buffer encode(JsonObject frame) {
        return frame.toBuffer().appendString("\n");
    }

    static JsonObject hello(String from, String to, String token) {
        return new JsonObject().put("type", "hello").put("version", VERSION).put("from", from).put("to", to).put("token", token);
    }

    static JsonObject welcome(String from, String token) {
        return new JsonObject().put("type", "welcome").put("version", VERSION).put("from", from).put("token", token);
    }

    static JsonObject refused(String code) {
        return new JsonObject().put("type", "refused").put("code", code);
    }
}
