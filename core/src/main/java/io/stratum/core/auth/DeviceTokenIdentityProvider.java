package io.stratum.core.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stratum.core.account.DeviceSessions;

/** Resolves a device access token to the chat user's identity (one indexed query, non-blocking). */
@ApplicationScoped
public class DeviceTokenIdentityProvider implements IdentityProvider<DeviceTokenRequest> {
    private final DeviceSessions sessions;

    public DeviceTokenIdentityProvider(DeviceSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<DeviceTokenRequest> getRequestType() {
        return DeviceTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(DeviceTokenRequest request, AuthenticationRequestContext context) {
        return sessions.authenticate(request.token()).map(caller -> caller
                .map(CallerIdentity::of)
                .orElseGet(CallerIdentity::invalidToken));
    }
}
