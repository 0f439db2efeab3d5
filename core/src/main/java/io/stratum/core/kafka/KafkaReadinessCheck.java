package io.stratum.core.kafka;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/** Ready when the Kafka cluster answers and this server's topics exist. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements AsyncHealthCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final TopicProvisioner topics;

    public KafkaReadinessCheck(Admin admin, TopicProvisioner topics) {
        this.admin = admin;
        this.topics = topics;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        var options = new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis());
        return Uni.createFrom().completionStage(() -> admin.describeCluster(options).nodes().toCompletionStage())
                .map(nodes -> {
                    String problem = topics.problem();
                    return HealthCheckResponse.named("Kafka")
                            .status(!nodes.isEmpty() && problem.isEmpty())
                            .withData("brokers", nodes.size())
                            .withData("topics", problem.isEmpty() ? "ready" : problem)
                            .build();
                })
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("Kafka").down()
                        .withData("error", failure.getClass().getSimpleName()).build());
    }
}
