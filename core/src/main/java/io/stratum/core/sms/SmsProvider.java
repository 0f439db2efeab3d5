package io.stratum.core.sms;

import java.net.URI;
import java.util.Optional;

/**
 * The SMS provider settings in force: the console's runtime settings where an administrator saved
 * them, settings.yaml's otherwise. With a {@code login} the provider gets HTTP Basic
 * {@code login:token}, without one {@code Authorization: Bearer <token>}. Never log the token.
 */
public record SmsProvider(Optional<URI> url, Optional<String> login, Optional<String> token, String sender) {
    @Override
    public String toString() {
        return "SmsProvider[url=" + url.map(URI::getHost).orElse("none") + ", login=" + login.isPresent() + ", token="
                + (token.isPresent() ? "set" : "none") + "]";
    }
}
