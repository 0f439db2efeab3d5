package io.stratum.client.auth;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratum.client.http.Json;
import io.stratum.client.http.RestCalls;
import io.stratum.client.http.StratumException;

/**
 * Login by phone number and SMS code (RTS): {@link #requestCode} makes the server text a six-digit
 * code to the number, {@link #confirm} exchanges it for a new device and its tokens, as
 * {@link EmailLogin} does. Failures are {@link StratumException}s with the protocol's codes:
 * {@code phone_invalid}, {@code registration_closed}, {@code code_invalid} (see
 * {@link StratumException#attemptsLeft()}), {@code too_many_codes}, {@code sms_unavailable}, and
 * {@code phone_login_unavailable} from servers that are not an RTS.
 */
public final class PhoneLogin {
    private final RestCalls rest;

    public PhoneLogin(RestCalls rest) {
        this.rest = rest;
    }

    /** Sends a code to {@code phone}, written in international form ({@code +7 999 123-45-67}: spaces, dashes, dots and brackets are ignored). */
    public SmsCodeSent requestCode(String phone) {
        JsonNode sent = rest.call("POST", "/api/v1/auth/phone/code", Json.object().put("phone", phone), null);
        return new SmsCodeSent(Json.text(sent, "phone"), sent.path("expires_in").asLong(), sent.path("resend_after").asLong());
    }

    /** Logs the device in with the code from the SMS; {@code phone} as given to {@link #requestCode} or as the server normalized it. */
    public Credentials confirm(String phone, String code, DeviceInfo device) {
        JsonNode login = rest.call("POST", "/api/v1/auth/phone/login", Json.object().put("phone", phone).put("code", code)
                .put("platform", device.platform()).put("app_version", device.appVersion()).put("device_name", device.deviceName()), null);
        return Credentials.fromLogin(login);
    }
}
