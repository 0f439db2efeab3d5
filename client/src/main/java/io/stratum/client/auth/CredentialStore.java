package io.stratum.client.auth;

/**
 * Where a session keeps its credentials when the tokens are renewed.
 *
 * <p>Contract: {@link #save} is called after every successful renewal (the old refresh token stops
 * working at that moment, so an application that forgets the new one must log in again), from the
 * thread that noticed the expired token; implementations must be thread-safe and should persist
 * before returning. It may throw; the session then keeps the new tokens in memory only.
 */
@FunctionalInterface
public interface CredentialStore {
    void save(Credentials credentials);

    /** Keeps nothing: for tests and short-lived programs. */
    CredentialStore IN_MEMORY = credentials -> { };
}
