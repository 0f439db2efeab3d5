package io.stratum.client;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratum.client.http.Json;

/** The logged-in user and device ({@code GET /api/v1/me}). */
public record Me(UUID huid, String address, String name, String email, UUID deviceId, String platform, String phone) {
    static Me fromJson(JsonNode json) {
        return new Me(UUID.fromString(json.get("huid").asText()), Json.text(json, "address"), Json.text(json, "name"),
                Json.text(json, "email"), json.hasNonNull("device_id") ? UUID.fromString(json.get("device_id").asText()) : null,
                Json.text(json, "platform"), Json.text(json, "phone"));
    }
}
