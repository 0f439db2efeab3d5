package io.stratum.core.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A device access token presented by a client. */
public final class DeviceTokenRequest extends BaseAuthenticationRequest {
    private final String token;

    public DeviceTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
