package io.stratum.admin.server;

import java.time.Instant;

/** What the console shows of the stored trust certificate: never the key. */
public record TrustCertificateInfo(String subject, String issuer, int chainLength, Instant notAfter, String fingerprint,
        Instant updatedAt, String updatedBy, boolean privateKeySet) {

    /** Whole days until expiry (negative once expired). */
    public long daysLeft() {
        return java.time.Duration.between(Instant.now(), notAfter).toDays();
    }
}
