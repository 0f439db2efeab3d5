package io.stratum.core.mail;

/** A field of the SMTP settings is wrong; {@code field} names it for the form. */
public final class MailSettingsInvalid extends RuntimeException {
    private final String field;

    public MailSettingsInvalid(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
