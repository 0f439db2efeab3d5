package io.stratum.core.directory;

import java.time.OffsetDateTime;

/**
 * The last sync: when it ran, what started it ({@code schedule} or {@code admin}), whether it worked
 * ({@code ok}, {@code failed}; null before the first), the counts and the error. {@code running} is
 * true while a sync holds the lease.
 */
public record DirectorySyncStatus(boolean running, OffsetDateTime startedAt, OffsetDateTime finishedAt, String result, String trigger,
        int read, int created, int updated, int disabled, int removed, int skipped, String error) {
}
