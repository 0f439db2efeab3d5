package io.stratum.core.sms;

import io.smallrye.mutiny.Uni;

/**
 * Sends one SMS. Contract: never blocks the caller's thread; the {@code Uni} completes when the
 * provider has accepted the message and fails with {@link SmsNotSent} when SMS is not configured or
 * the provider refused or did not answer. Implementations never log the number's text or a token.
 */
public interface SmsSender {
    /** Sends {@code text} to {@code phone} (E.164, e.g. {@code +79991234567}). */
    Uni<Void> send(String phone, String text);
}
