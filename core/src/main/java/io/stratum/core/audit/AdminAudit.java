package io.stratum.core.audit;

import io.smallrye.mutiny.Uni;

/**
 * Records administrator actions (who, when, what with the state before and after, from where).
 *
 * <p>Contract: as {@link ConnectionAudit#record}: non-blocking, callable from any thread, completes
 * when the row is committed; published afterwards to {@code <server id>.admin-events} (and syslog).
 * Values of keys that look secret ({@code password}, {@code secret}, {@code token}, {@code key},
 * {@code totp}…) in {@code before}/{@code after} are replaced by {@code "***"} before anything is
 * stored or published ({@link SecretMask}), so callers may pass whole settings objects.
 */
public interface AdminAudit {
    /** Stores the action; see the interface contract. */
    Uni<AuditRecord> record(AdminAction action);
}
