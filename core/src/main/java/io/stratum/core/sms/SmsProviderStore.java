package io.stratum.core.sms;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.runtime.RuntimeSettings;
import io.stratum.core.security.KeySeal;
import io.stratum.core.security.SecurityConfig;

/**
 * The SMS provider settings: settings.yaml's ({@link SmsConfig}) until an administrator saves
 * others in the console, then the runtime setting {@value #SETTING_NAME}. Read on every send, so a
 * change applies to the next code without a restart, on every instance. The token is sealed with a
 * key derived from secret_key_base before it reaches the database; saving without a token keeps the
 * one in force.
 */
@ApplicationScoped
public class SmsProviderStore {
    public static final String SETTING_NAME = "sms.provider";
    private static final String OWNER = "sms.provider";

    private final RuntimeSettings settings;
    private final SmsConfig config;
    private final KeySeal seal;

    public SmsProviderStore(RuntimeSettings settings, SmsConfig config, SecurityConfig security) {
        this.settings = settings;
        this.config = config;
        this.seal = new KeySeal(security.secretKeyBase(), "runtime setting secrets v1");
    }

    /** The settings in force. */
    public Uni<SmsProvider> current() {
        return settings.get(StoredSmsProvider.SETTING).map(stored -> stored == null
                ? new SmsProvider(config.url(), Optional.empty(), config.token(), config.sender())
                : new SmsProvider(Optional.of(URI.create(stored.url())), Optional.ofNullable(blankToNull(stored.login())),
                        stored.tokenSealed() == null ? config.token() : Optional.of(unseal(stored.tokenSealed())),
                        stored.sender() == null || stored.sender().isBlank() ? config.sender() : stored.sender()));
    }

    /**
     * Validates and saves the console's settings; returns the new version. An empty {@code token}
     * keeps the one in force. Fails with {@link SmsSettingsInvalid} naming the first wrong field.
     */
    public Uni<Integer> save(String url, String login, Optional<String> token, String sender, String changedBy) {
        URI parsed = validUrl(url);
        String cleanLogin = login == null ? "" : login.strip();
        if (cleanLogin.length() > 128 || cleanLogin.chars().anyMatch(c -> c == ':' || Character.isISOControl(c))) {
            throw new SmsSettingsInvalid("login", "the login is at most 128 characters, without ':'");
        }
        String cleanSender = sender == null ? "" : sender.strip();
        if (cleanSender.length() > 32) {
            throw new SmsSettingsInvalid("sender", "the sender is at most 32 characters (a name or a number)");
        }
        Optional<String> newToken = token.map(String::strip).filter(t -> !t.isEmpty());
        return settings.get(StoredSmsProvider.SETTING).chain(previous -> {
            String sealed = newToken.map(this::sealToken).orElse(previous == null ? null : previous.tokenSealed());
            return settings.set(StoredSmsProvider.SETTING, new StoredSmsProvider(parsed.toString(), cleanLogin, sealed, cleanSender),
                    changedBy);
        });
    }

    static URI validUrl(String url) {
        String text = url == null ? "" : url.strip();
        try {
            URI parsed = new URI(text);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && parsed.getHost() != null && parsed.getUserInfo() == null) {
                return parsed;
            }
        } catch (URISyntaxException e) {
            // Reported below like any other unusable address.
        }
        throw new SmsSettingsInvalid("url", "the provider URL must be an http:// or https:// address with a host, "
                + "such as https://sms-gateway.example.ru/v1/messages");
    }

    private String sealToken(String token) {
        return Base64.getEncoder().encodeToString(seal.seal(token.getBytes(StandardCharsets.UTF_8), OWNER));
    }

    private String unseal(String sealed) {
        return new String(seal.unseal(Base64.getDecoder().decode(sealed), OWNER), StandardCharsets.UTF_8);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
