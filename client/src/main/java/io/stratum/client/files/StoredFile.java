package io.stratum.client.files;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratum.client.http.Json;

/**
 * A file the server stored for a chat: attach it to a message of that chat by its {@code id}.
 *
 * @param sha256 hex SHA-256 of the bytes the server stored, to compare with the sender's own
 */
public record StoredFile(UUID id, UUID chat, UUID uploader, String name, String contentType, long size, String sha256, Instant createdAt) {
    static StoredFile fromJson(JsonNode json) {
        return new StoredFile(UUID.fromString(json.get("id").asText()), UUID.fromString(json.get("chat").asText()),
                UUID.fromString(json.get("uploader").asText()), Json.text(json, "name"), Json.text(json, "content_type"),
                json.path("size").asLong(), Json.text(json, "sha256"),
                json.hasNonNull("created_at") ? Instant.parse(json.get("created_at").asText()) : null);
    }
}
