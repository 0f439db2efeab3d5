package io.stratum.core.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.stratum.core.server.BuildInfo;
import io.stratum.core.server.ServerConfig;

/** {@code stratum_build_info{version,role,server_id} 1}: which build runs where. */
@ApplicationScoped
public class BuildInfoMetric {
    void register(@Observes StartupEvent event, MeterRegistry registry, BuildInfo build, ServerConfig server) {
        Gauge.builder("stratum_build_info", () -> 1)
                .description("Stratum build running on this server")
                .tag("version", build.version())
                .tag("role", server.role())
                .tag("server_id", server.id())
                .register(registry);
    }
}
