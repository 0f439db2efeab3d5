package io.stratum.core.auth;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of chat-user authentication (prefix {@code stratum.auth}). */
@ConfigMapping(prefix = "stratum.auth")
public interface AuthConfig {
    /** How long a one-time code (PIN) stays valid. */
    @WithDefault("10m")
    Duration codeLifetime();

    /** Wrong entries allowed per code before it is void. */
    @WithDefault("5")
    int codeAttempts();

    /** Codes one address (e-mail or phone) may request per hour. */
    @WithDefault("5")
    int codesPerAddressPerHour();

    /** Codes one client IP may request per hour, over all addresses. */
    @WithDefault("30")
    int codesPerIpPerHour();

    /** The least time between two codes for one address. */
    @WithDefault("30s")
    Duration resendAfter();

    /** Lifetime of an access token. */
    @WithDefault("12h")
    Duration accessTokenLifetime();

    /** Lifetime of a refresh token; each refresh issues a new one. */
    @WithDefault("90d")
    Duration refreshTokenLifetime();
}
