package io.stratum.core.mail;

/** The SMTP server refused the mail, could not be reached, or none is configured; the message says which. */
public final class MailNotSent extends RuntimeException {
    public MailNotSent(String message) {
        super(message);
    }
}
