package io.stratum.admin.settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.stratum.admin.InvalidInput;
import io.stratum.core.mail.MailSecurity;
import io.stratum.core.mail.MailSettings;

/** The SMTP form as submitted (texts), turned into {@link MailSettings} with field errors. An empty password keeps the stored one. */
public record MailForm(String from, String host, String port, String user, String password, String security) {
    public MailSettings toSettings() {
        Map<String, String> errors = new LinkedHashMap<>();
        int parsedPort = 0;
        try {
            parsedPort = Integer.parseInt(port == null ? "" : port.strip());
        } catch (NumberFormatException e) {
            errors.put("port", "the port must be a number (usually 25, 587 or 465)");
        }
        MailSecurity parsedSecurity = null;
        try {
            parsedSecurity = MailSecurity.valueOf(security == null ? "" : security.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("security", "choose SSL, STARTTLS or none");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new MailSettings(from == null ? "" : from, host == null ? "" : host, parsedPort, user,
                Optional.ofNullable(password), parsedSecurity);
    }

    /** What the form shows again after an error: never the password. */
    public Map<String, String> redisplay() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", from == null ? "" : from);
        values.put("host", host == null ? "" : host);
        values.put("port", port == null ? "" : port);
        values.put("user", user == null ? "" : user);
        values.put("security", security == null ? "" : security);
        return values;
    }
}
