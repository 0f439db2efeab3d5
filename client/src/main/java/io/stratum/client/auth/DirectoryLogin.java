package io.stratum.client.auth;

import io.stratum.client.http.Json;
import io.stratum.client.http.RestCalls;
import io.stratum.client.http.StratumException;

/**
 * Login with the person's directory (AD/LDAP) login and password, on a CTS with the directory
 * integration on: one call gives a new device and its tokens, as {@link EmailLogin#confirm} does.
 * Failures are {@link StratumException}s with the protocol's codes: {@code directory_credentials_invalid}
 * (wrong login or password; the server does not say which), {@code user_disabled}, {@code too_many_attempts}
 * (see {@link StratumException#retryAfterSeconds()}), {@code directory_unavailable}, and
 * {@code directory_login_off} from servers without a directory.
 */
public final class DirectoryLogin {
    private final RestCalls rest;

    public DirectoryLogin(RestCalls rest) {
        this.rest = rest;
    }

    /**
     * Logs in as {@code login} (what the person types at their Windows or LDAP login). The password
     * goes to the server only; this SDK keeps no copy of it.
     */
    public Credentials logIn(String login, char[] password, DeviceInfo device) {
        return Credentials.fromLogin(rest.call("POST", "/api/v1/auth/directory", Json.object().put("login", login)
                .put("password", new String(password)).put("platform", device.platform()).put("app_version", device.appVersion())
                .put("device_name", device.deviceName()), null));
    }
}
