package io.stratum.core.account;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.stratum.core.api.ApiException;
import io.stratum.core.runtime.RuntimeSetting;

/**
 * Who may register: e-mail addresses matching {@code emailMask} (a Java regular expression, e.g.
 * {@code ^.*?@corporate\.local$}); on RTS, phone numbers when {@code phoneRegistration} is on.
 * Users that exist already may always log in.
 */
public record RegistrationSettings(String emailMask, boolean phoneRegistration) {
    /** Until an administrator sets a mask any address that receives the PIN may register. */
    public static final RuntimeSetting<RegistrationSettings> SETTING =
            new RuntimeSetting<>("registration", RegistrationSettings.class, new RegistrationSettings(".+", true));

    /** Refuses a mask that is not a valid regular expression (field {@code email_mask}). */
    public RegistrationSettings validated() {
        if (emailMask == null || emailMask.isBlank()) {
            throw new ApiException(400, "invalid_setting", "the e-mail mask must not be empty",
                    java.util.Map.of("field", "email_mask"));
        }
        try {
            Pattern.compile(emailMask);
        } catch (PatternSyntaxException e) {
            throw new ApiException(400, "invalid_setting", "the e-mail mask is not a valid regular expression: "
                    + e.getDescription() + " near position " + e.getIndex(), java.util.Map.of("field", "email_mask"));
        }
        return this;
    }

    public boolean allowsEmail(String email) {
        return Pattern.compile(emailMask).matcher(email).find();
    }
}
