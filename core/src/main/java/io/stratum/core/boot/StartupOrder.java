package io.stratum.core.boot;

import jakarta.interceptor.Interceptor;

/**
 * Priorities of the {@code StartupEvent} observers whose order matters. The database is migrated
 * first; then the listeners that inbound traffic needs are registered (the federation's trust link
 * listener: a link accepted before it would never be served); then the work that readiness waits for
 * (Kafka topics, the chat event feed, the signing key, the trust link's TLS server) is set going,
 * before the many observers that readiness does not need, so that its asynchronous part overlaps the
 * rest of the start instead of following it.
 */
public final class StartupOrder {
    /** {@link SchemaMigration}: nothing may touch the database before. */
    public static final int DATABASE = Interceptor.Priority.PLATFORM_BEFORE;
    /** Registrations that must be in place before any port or consumer opens; must not block. */
    public static final int LISTENERS = Interceptor.Priority.PLATFORM_BEFORE + 1;
    /** Start-up work that readiness waits for; it must not block the start-up thread. */
    public static final int READINESS = Interceptor.Priority.PLATFORM_BEFORE + 2;

    private StartupOrder() {
    }
}
