package io.stratum.trusts.link;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the trust link listens: other servers cannot reach this one otherwise. A remote that is
 * down does not make this server unready; its state is red in the console and in
 * {@code connection_status}.
 */
@Readiness
@ApplicationScoped
public class TrustLinkReadinessCheck implements HealthCheck {
    private final TrustLinkServer server;

    public TrustLinkReadinessCheck(TrustLinkServer server) {
        this.server = server;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = server.problem();
        return HealthCheckResponse.named("Trust link").status(problem.isEmpty())
                .withData("port", problem.isEmpty() ? Integer.toString(server.port()) : problem).build();
    }
}
