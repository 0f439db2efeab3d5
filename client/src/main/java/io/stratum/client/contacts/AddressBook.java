package io.stratum.client.contacts;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds a user's HUID by e-mail address, so an application can open a personal chat with
 * someone it knows only by address.
 *
 * <p>Contract: {@link #findByEmail} blocks until it has an answer; empty means no such user is
 * visible to the caller. The server's address-book API is not part of protocol version 1 yet, so
 * the SDK ships no implementation; {@link #NONE} is the one to use until it does, and an
 * application may plug in its own (e.g. its corporate directory).
 */
@FunctionalInterface
public interface AddressBook {
    Optional<UUID> findByEmail(String email);

    /** Knows nobody. */
    AddressBook NONE = email -> Optional.empty();
}
