package io.stratum.core.sms;

/** The SMS could not be handed to the provider; the message is safe to show to an administrator (no number, no text). */
public class SmsNotSent extends RuntimeException {
    public SmsNotSent(String message) {
        super(message);
    }
}
