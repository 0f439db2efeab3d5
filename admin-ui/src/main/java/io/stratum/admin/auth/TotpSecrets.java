package io.stratum.admin.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.core.security.KeySeal;
import io.stratum.core.security.SecurityConfig;

/** Seals and opens administrators' TOTP secrets; the administrator id is bound into each seal. */
@ApplicationScoped
public class TotpSecrets {
    private final KeySeal seal;

    public TotpSecrets(SecurityConfig security) {
        this.seal = new KeySeal(security.secretKeyBase(), "admin totp v1");
    }

    public byte[] seal(long administratorId, byte[] secret) {
        return seal.seal(secret, Long.toString(administratorId));
    }

    public byte[] open(long administratorId, byte[] sealed) {
        return seal.unseal(sealed, Long.toString(administratorId));
    }
}
