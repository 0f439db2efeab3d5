package io.stratum.core.sms;

/** A field of the SMS provider settings is wrong; {@code field} names it for the form. */
public final class SmsSettingsInvalid extends RuntimeException {
    private final String field;

    public SmsSettingsInvalid(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
