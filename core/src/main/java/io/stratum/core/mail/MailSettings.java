package io.stratum.core.mail;

import java.util.Optional;

/**
 * The SMTP server mail is sent through. {@code password} is empty when the server needs no login,
 * or, when saving, to keep the password already stored.
 */
public record MailSettings(String from, String host, int port, String user, Optional<String> password, MailSecurity security) {
    public MailSettings {
        user = user == null ? "" : user.strip();
        password = password == null ? Optional.empty() : password.filter(p -> !p.isEmpty());
    }

    /** Whether a password is known (the console shows "set" instead of the value). */
    public boolean passwordSet() {
        return password.isPresent();
    }
}
