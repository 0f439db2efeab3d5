package io.stratum.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * A filter over the audit log, newest first unless {@code oldestFirst}.
 *
 * @param category only this category, if given
 * @param text     records whose actor, action, target or IP contain this text (case-insensitive)
 * @param from     records at or after this time
 * @param until    records before this time
 * @param page     0-based page
 * @param size     records per page (1–200)
 */
public record AuditQuery(Optional<AuditRecord.Category> category, Optional<String> text, Optional<Instant> from,
        Optional<Instant> until, boolean oldestFirst, int page, int size) {

    public AuditQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("page size must be between 1 and 200");
        }
        text = text.map(String::strip).filter(t -> !t.isEmpty());
    }

    /** The first page of everything. */
    public static AuditQuery all(int size) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, 0, size);
    }
}
