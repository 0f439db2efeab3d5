package io.stratum.core.audit;

import io.smallrye.mutiny.Uni;

/**
 * Records connection events (logins, failed logins, logouts, device registrations, token refreshes)
 * of chat users and console administrators in the audit log. Inject it where such an event happens.
 *
 * <p>Contract:
 * <ul>
 * <li>{@link #record} never blocks and may be called from any thread, including a Vert.x event loop.
 * It returns at once; the returned {@code Uni} completes with the stored record once the row is
 * committed to PostgreSQL (subscribe to it; nothing is stored until someone subscribes).</li>
 * <li>The record is chained into the tamper-evident audit log, then published to
 * {@code <server id>.system-events} and, when configured, to syslog. Publication happens after the
 * commit, off the caller's thread; its failures are logged and never fail the {@code Uni}.</li>
 * <li>The {@code Uni} fails only when the row cannot be stored (database unreachable): callers that
 * must not proceed without an audit record (an administrator login) act on that failure.</li>
 * <li>Never pass a password, token or message body in any field.</li>
 * </ul>
 */
public interface ConnectionAudit {
    /** Stores the event; see the interface contract. */
    Uni<AuditRecord> record(ConnectionEvent event);
}
