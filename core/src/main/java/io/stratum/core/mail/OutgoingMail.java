package io.stratum.core.mail;

import io.smallrye.mutiny.Uni;

/**
 * Sends a plain-text e-mail through the configured SMTP server.
 *
 * <p>Contract: never blocks the caller's thread; the returned {@code Uni} completes when the SMTP
 * server accepted the message, or fails with {@link MailNotSent} whose message is what the server
 * (or the network) answered, fit to show an administrator. The body is never logged.
 */
public interface OutgoingMail {
    Uni<Void> send(String to, String subject, String text);

    /** Sends with the given settings instead of the stored ones (the console's "send test e-mail"). */
    Uni<Void> send(MailSettings settings, String to, String subject, String text);
}
