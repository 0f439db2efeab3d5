package io.stratum.client.live;

import io.stratum.client.chat.ChatEvent;
import io.stratum.client.http.StratumException;

/**
 * What a {@link LiveSession} tells its application. Every method has an empty default.
 *
 * <p>Contract: all methods are called on the session's one dispatch thread, one at a time, in the
 * order the frames arrived; events of a chat come in {@code seq} order with no gaps and no
 * repeats, across reconnections. A method that blocks holds up everything behind it; one that
 * throws is logged and the session goes on.
 */
public interface LiveListener {
    /** Connected and authenticated (first time and after every reconnection). */
    default void onWelcome(Welcome welcome) {
    }

    /** The next event of a chat's log. */
    default void onEvent(ChatEvent event) {
    }

    /** Everything missed while away has been delivered; from now on events are live. */
    default void onSynced() {
    }

    default void onReceipt(Signals.Receipt receipt) {
    }

    default void onTyping(Signals.Typing typing) {
    }

    default void onPresence(Signals.PresenceChange change) {
    }

    /** The connection broke; the session reconnects by itself after {@code retryInMillis}. */
    default void onConnectionLost(String reason, long retryInMillis) {
    }

    /**
     * The session is over and will not reconnect: the device was logged out, its tokens cannot be
     * renewed ({@code refresh_invalid}: log in again), or {@link LiveSession#close()} was called
     * (then {@code reason} is null). Commands still waiting fail with the same reason.
     */
    default void onEnded(StratumException reason) {
    }
}
