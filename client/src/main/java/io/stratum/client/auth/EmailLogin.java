package io.stratum.client.auth;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratum.client.http.Json;
import io.stratum.client.http.RestCalls;
import io.stratum.client.http.StratumException;

/**
 * Login by e-mail PIN (ETS, CTS; RTS next to the phone login): {@link #requestCode} makes the
 * server mail a six-digit PIN, {@link #confirm} exchanges it for a new device and its tokens.
 * Failures are {@link StratumException}s with the protocol's codes, e.g. {@code registration_closed},
 * {@code code_invalid} (see {@link StratumException#attemptsLeft()}), {@code too_many_codes}.
 */
public final class EmailLogin {
    private final RestCalls rest;

    public EmailLogin(RestCalls rest) {
        this.rest = rest;
    }

    public CodeSent requestCode(String email) {
        JsonNode sent = rest.call("POST", "/api/v1/auth/email/code", Json.object().put("email", email), null);
        return new CodeSent(Json.text(sent, "email"), sent.path("expires_in").asLong(), sent.path("resend_after").asLong());
    }

    public Credentials confirm(String email, String code, DeviceInfo device) {
        JsonNode login = rest.call("POST", "/api/v1/auth/email/login", Json.object().put("email", email).put("code", code)
                .put("platform", device.platform()).put("app_version", device.appVersion()).put("device_name", device.deviceName()), null);
        return Credentials.fromLogin(login);
    }
}
