package io.stratum.client.live;

import java.util.UUID;

/** The frames a server pushes besides chat events: receipts, typing, presence. */
public final class Signals {
    private Signals() {
    }

    /**
     * A member's receipt: they read (or received) the chat up to a seq. Exactly one of
     * {@code readSeq} and {@code deliveredSeq} is set.
     */
    public record Receipt(UUID chat, UUID member, Long readSeq, Long deliveredSeq) {
    }

    /** A member is typing in a chat now (not stored; lasts a few seconds). */
    public record Typing(UUID chat, UUID member) {
    }

    /** A contact came online or went offline. */
    public record PresenceChange(UUID member, boolean online) {
    }
}
