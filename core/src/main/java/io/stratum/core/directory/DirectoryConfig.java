package io.stratum.core.directory;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the directory integration (prefix {@code stratum.directory}); the connection itself is a runtime setting. */
@ConfigMapping(prefix = "stratum.directory")
public interface DirectoryConfig {
    /** How long one LDAP connect or request may take before the directory counts as unavailable. */
    @WithDefault("10s")
    Duration ldapTimeout();

    /** Failed directory logins allowed per login within {@link #failureWindow()}; then 429. */
    @WithDefault("5")
    int maxFailuresPerLogin();

    /** Failed directory logins allowed per client IP within {@link #failureWindow()}; then 429. */
    @WithDefault("20")
    int maxFailuresPerIp();

    /** The sliding window failures are counted over. */
    @WithDefault("15m")
    Duration failureWindow();

    /** How often each instance checks whether a scheduled sync is due. */
    @WithDefault("1m")
    Duration scheduleCheck();

    /** A sync lease older than this is considered abandoned (its instance died) and taken over. */
    @WithDefault("30m")
    Duration syncTimeout();
}
