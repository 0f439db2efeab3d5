package io.stratum.core.files;

import java.time.Instant;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/** A file sent to a chat: who sent it, what it is, and where the store keeps its bytes. */
public record FileRecord(UUID id, UUID chatId, UUID uploader, String name, String contentType, long size, String sha256,
        String storageKey, Instant createdAt) {

    /** What clients see (the storage key stays inside the server). */
    public JsonObject toJson() {
        return new JsonObject().put("id", id.toString()).put("chat", chatId.toString()).put("uploader", uploader.toString())
                .put("name", name).put("content_type", contentType).put("size", size).put("sha256", sha256)
                .put("created_at", createdAt.toString());
    }
}
