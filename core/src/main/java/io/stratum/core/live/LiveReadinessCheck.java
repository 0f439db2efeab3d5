package io.stratum.core.live;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the chat event feed reads its partitions: before that, connected devices would miss live events. */
@Readiness
@ApplicationScoped
public class LiveReadinessCheck implements HealthCheck {
    private final ChatEventFeed feed;

    public LiveReadinessCheck(ChatEventFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Chat event feed").status(feed.assigned()).build();
    }
}
