package io.stratum.client.live;

import java.util.List;
import java.util.UUID;

/**
 * A message to send: the body (opaque to the server: plain text or an end-to-end-encrypted
 * payload), its content type, and optionally what it replies to, whom it mentions, and the ids of
 * files attached to it. Attachments are ids of files uploaded to the same chat
 * ({@code session.files().upload(...)}); the body may be null when there are attachments.
 */
public record Draft(String body, String contentType, Long replyTo, List<UUID> mentions, List<UUID> attachments) {
    public static Draft text(String body) {
        return new Draft(body, "text/plain", null, List.of(), List.of());
    }

    /** A message of files only, without text: {@code files} are ids from {@code session.files().upload(...)}. */
    public static Draft files(List<UUID> files) {
        return new Draft(null, "text/plain", null, List.of(), List.copyOf(files));
    }

    public Draft replyingTo(long seq) {
        return new Draft(body, contentType, seq, mentions, attachments);
    }

    public Draft mentioning(List<UUID> users) {
        return new Draft(body, contentType, replyTo, List.copyOf(users), attachments);
    }

    public Draft withAttachments(List<UUID> files) {
        return new Draft(body, contentType, replyTo, mentions, List.copyOf(files));
    }
}
