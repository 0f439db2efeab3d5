package io.stratum.core.metrics;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Access to the Prometheus endpoint. */
@ConfigMapping(prefix = "stratum.metrics")
public interface MetricsConfig {
    /**
     * Users allowed to read {@code /q/metrics} with HTTP basic authentication, user name to bcrypt
     * hash ({@code prometheus_users}). Empty: nobody can read metrics.
     */
    Map<String, String> prometheusUsers();

    /** How often the usage metrics counted in PostgreSQL (users per platform, messages, database size) are refreshed. */
    @WithDefault("30s")
    Duration usageRefresh();
}
