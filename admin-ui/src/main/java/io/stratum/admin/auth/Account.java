package io.stratum.admin.auth;

import java.time.Instant;

/** A stored administrator account. The TOTP secrets are sealed ({@link io.stratum.core.security.KeySeal}); null when not set. */
public record Account(long id, String username, String passwordHash, Rights rights, byte[] totpSealed,
        byte[] totpPendingSealed, long totpLastStep, Instant createdAt, Instant passwordChangedAt) {

    public boolean totpEnabled() {
        return totpSealed != null;
    }
}
