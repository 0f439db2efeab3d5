package io.stratum.core.chat;

import java.util.UUID;

/**
 * A committed chat event as live delivery needs it: what a device session orders, deduplicates and
 * tracks membership by, and the {@code event} frame already encoded, so that it is written as is to
 * every socket it goes to (ADR 0019).
 *
 * @param leaver the member whose membership this event ends ({@code member_removed},
 *     {@code member_left}), else null
 * @param frame the {@code event} frame exactly as the device receives it (docs/protocol.md)
 */
public record LiveEvent(UUID chatId, long seq, String kind, UUID leaver, String frame) {

    /** Encodes the event's frame; the one place a live event is turned into JSON text. */
    public static LiveEvent of(ChatEvent event) {
        return new LiveEvent(event.chatId(), event.seq(), event.kind(), leaver(event), event.toJson().encode());
    }

    /** Whether this event ends {@code user}'s membership of the chat. */
    public boolean removes(UUID user) {
        return user.equals(leaver);
    }

    private static UUID leaver(ChatEvent event) {
        if (!EventKind.MEMBER_REMOVED.equals(event.kind()) && !EventKind.MEMBER_LEFT.equals(event.kind())) {
            return null;
        }
        String member = event.meta() == null ? null : event.meta().getString("member");
        if (member == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(member);
            // The frame names the member as text; only that exact text identifies a user.
            return id.toString().equals(member) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
