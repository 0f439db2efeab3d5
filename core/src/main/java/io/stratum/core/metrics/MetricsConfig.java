package io.stratum.core.metrics;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** Access to the Prometheus endpoint. */
@ConfigMapping(prefix = "stratum.metrics")
public interface MetricsConfig {
    /**
     * Users allowed to read {@code /q/metrics} with HTTP basic authentication, user name to bcrypt
     * hash ({@code prometheus_users}). Empty: nobody can read metrics.
     */
    Map<String, String> prometheusUsers();
}
