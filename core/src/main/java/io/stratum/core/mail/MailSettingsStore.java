package io.stratum.core.mail;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.runtime.RuntimeSettings;
import io.stratum.core.security.KeySeal;
import io.stratum.core.security.SecurityConfig;

/**
 * Reads and saves the SMTP settings. The password is sealed with a key derived from
 * secret_key_base before it reaches the database; saving without a password keeps the stored one.
 */
@ApplicationScoped
public class MailSettingsStore {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+");
    private static final String OWNER = "mail.smtp";

    private final RuntimeSettings settings;
    private final KeySeal seal;

    public MailSettingsStore(RuntimeSettings settings, SecurityConfig security) {
        this.settings = settings;
        this.seal = new KeySeal(security.secretKeyBase(), "runtime setting secrets v1");
    }

    /** The settings in force, empty until an administrator saves them. */
    public Uni<Optional<MailSettings>> current() {
        return settings.get(StoredMailSettings.SETTING).map(stored -> Optional.ofNullable(stored).map(this::open));
    }

    /**
     * Validates and saves; returns the new version. Fails with {@link MailSettingsInvalid} naming
     * the first wrong field.
     */
    public Uni<Integer> save(MailSettings changed, String changedBy) {
        validate(changed);
        return settings.get(StoredMailSettings.SETTING).chain(previous -> {
            String sealed = changed.password()
                    .map(password -> Base64.getEncoder().encodeToString(seal.seal(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), OWNER)))
                    .orElse(previous == null || changed.user().isEmpty() ? null : previous.passwordSealed());
            return settings.set(StoredMailSettings.SETTING, new StoredMailSettings(changed.from().strip(), changed.host().strip(),
                    changed.port(), changed.user(), sealed, changed.security()), changedBy);
        });
    }

    static void validate(MailSettings settings) {
        if (settings.from() == null || !ADDRESS.matcher(settings.from().strip()).matches()) {
            throw new MailSettingsInvalid("from", "the sender must be an e-mail address such as stratum@corp.example");
        }
        if (settings.host() == null || !HOST.matcher(settings.host().strip()).matches()) {
            throw new MailSettingsInvalid("host", "the SMTP server must be a host name or an IP address");
        }
        if (settings.port() < 1 || settings.port() > 65535) {
            throw new MailSettingsInvalid("port", "the port must be between 1 and 65535 (usually 25, 587 or 465)");
        }
        if (settings.security() == null) {
            throw new MailSettingsInvalid("security", "choose SSL, STARTTLS or none");
        }
    }

    private MailSettings open(StoredMailSettings stored) {
        Optional<String> password = Optional.ofNullable(stored.passwordSealed())
                .map(sealed -> new String(seal.unseal(Base64.getDecoder().decode(sealed), OWNER), java.nio.charset.StandardCharsets.UTF_8));
        return new MailSettings(stored.from(), stored.host(), stored.port(), stored.user(), password, stored.security());
    }
}
