package io.stratum.trusts.identity;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the server's signing key is loaded: peers cannot trust a server without it. */
@Readiness
@ApplicationScoped
public class ServerIdentityReadinessCheck implements HealthCheck {
    private final ServerIdentity identity;

    public ServerIdentityReadinessCheck(ServerIdentity identity) {
        this.identity = identity;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = identity.problem();
        return HealthCheckResponse.named("Server identity").status(problem.isEmpty())
                .withData("key", problem.isEmpty() ? SigningKey.ALGORITHM : problem).build();
    }
}
