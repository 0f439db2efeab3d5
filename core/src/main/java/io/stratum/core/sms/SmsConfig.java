package io.stratum.core.sms;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The SMS provider of settings.yaml (prefix {@code stratum.sms}; {@code sms_provider_url},
 * {@code sms_provider_token}, {@code sms_sender}): the defaults until an administrator sets the
 * provider in the console ({@link SmsProviderStore}).
 */
@ConfigMapping(prefix = "stratum.sms")
public interface SmsConfig {
    /** The provider's HTTP API; absent (and none set in the console): SMS is not configured and phone login answers 503. */
    Optional<URI> url();

    /** Bearer token sent to the provider; never logged. */
    Optional<String> token();

    /** Sender name or number shown on the phone. */
    @WithDefault("Stratum")
    String sender();

    /** How long to wait for the provider's answer. */
    @WithDefault("10s")
    Duration timeout();
}
