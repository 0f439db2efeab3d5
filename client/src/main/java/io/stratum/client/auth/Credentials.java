package io.stratum.client.auth;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratum.client.http.Json;

/**
 * What a login gives a device: who the user is and the device's two tokens. The tokens are
 * secrets: keep them like passwords (the terminal client stores them with 0600 permissions) and
 * never log them.
 *
 * @param address the user's address, {@code HUID@server-id}
 */
public record Credentials(UUID huid, String address, UUID deviceId, String accessToken, String refreshToken) {

    /** The answer of a login: {@code POST /api/v1/auth/email/login}, {@code .../phone/login} or {@code .../directory}. */
    public static Credentials fromLogin(JsonNode login) {
        return new Credentials(UUID.fromString(login.get("huid").asText()), Json.text(login, "address"),
                UUID.fromString(login.get("device_id").asText()), login.get("access_token").asText(), login.get("refresh_token").asText());
    }

    /** These credentials with the tokens of {@code POST /api/v1/auth/access-tokens}. */
    public Credentials renewed(JsonNode tokens) {
        return new Credentials(huid, address, deviceId, tokens.get("access_token").asText(), tokens.get("refresh_token").asText());
    }

    @Override
    public String toString() {
        return "Credentials[huid=" + huid + ", address=" + address + ", deviceId=" + deviceId + ", tokens=***]";
    }
}
