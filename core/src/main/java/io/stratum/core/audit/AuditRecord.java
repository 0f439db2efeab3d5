package io.stratum.core.audit;

import java.time.Instant;

/**
 * One stored row of the audit log. {@code details} is the canonical JSON that was hashed (before/after
 * for administrator actions, the failure reason for connection events).
 */
public record AuditRecord(long seq, Instant at, Category category, String action, String actor, String device,
        String ip, String target, AuditResult result, String details, String prevHash, String hash) {

    /** Which part of the audit a record belongs to. */
    public enum Category {
        CONNECTION, ADMIN
    }
}
