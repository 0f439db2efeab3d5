package io.stratum.admin.server;

import java.time.Instant;

/** What the console shows of a stored certificate (trust TLS or BotX): never the key. */
public record CertificateInfo(String subject, String issuer, int chainLength, Instant notAfter, String fingerprint,
        Instant updatedAt, String updatedBy, boolean privateKeySet) {

    /** Whole days until expiry (negative once expired). */
    public long daysLeft() {
        return java.time.Duration.between(Instant.now(), notAfter).toDays();
    }
}
