package io.stratum.core.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.stratum.core.boot.StartupOrder;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.Vertx;

/**
 * Creates this server's topics when the server starts, without holding up the start: while Kafka
 * is unreachable it retries with growing pauses (1 s up to 30 s) and readiness stays DOWN. Fires
 * {@link TopicsReady} once all topics exist.
 */
@ApplicationScoped
public class TopicProvisioner {
    private static final Logger LOGGER = Logger.getLogger(TopicProvisioner.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    /** Fired once, on a worker thread, when every topic of {@link ServerTopic} exists. */
    public record TopicsReady(List<String> topics) {
    }

    private final Admin admin;
    private final KafkaTopicsConfig config;
    private final ServerConfig server;
    private final Vertx vertx;
    private final Event<TopicsReady> ready;
    private final AtomicReference<String> problem = new AtomicReference<>("not yet created");

    public TopicProvisioner(Admin admin, KafkaTopicsConfig config, ServerConfig server, Vertx vertx, Event<TopicsReady> ready) {
        this.admin = admin;
        this.config = config;
        this.server = server;
        this.vertx = vertx;
        this.ready = ready;
    }

    // Right after the database check, and on a worker thread: creating the admin client loads much of
    // the Kafka client, and the topics gate readiness, so this should not wait for the rest of the start.
    void onStart(@Observes @Priority(StartupOrder.READINESS) StartupEvent event) {
        vertx.executeBlocking(() -> {
            attempt(FIRST_RETRY);
            return null;
        }, false);
    }

    /** Empty when all topics exist; otherwise what is still wrong, for readiness. */
    public String problem() {
        return problem.get();
    }

    private void attempt(Duration nextPause) {
        List<String> names = Arrays.stream(ServerTopic.values()).map(t -> t.nameFor(server.id())).toList();
        admin.describeCluster().nodes().toCompletionStage()
                .thenCompose(nodes -> create(names, (short) Math.min(config.replicationFactor(), nodes.size())))
                .whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        problem.set("");
                        LOGGER.infov("Kafka topics ready: {0}", names);
                        vertx.executeBlocking(() -> {
                            ready.fire(new TopicsReady(names));
                            return null;
                        });
                    } else {
                        retryLater(nextPause, failure);
                    }
                });
    }

    private CompletionStage<Void> create(List<String> names, short replication) {
        return admin.listTopics().names().toCompletionStage().thenCompose(existing -> {
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, config.partitions(), replication).configs(topicConfig(replication)))
                    .toList();
            if (missing.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            LOGGER.infov("Creating Kafka topics {0} partitions={1} replication={2}",
                    missing.stream().map(NewTopic::name).toList(), config.partitions(), replication);
            return admin.createTopics(missing).all().toCompletionStage().exceptionallyCompose(failure ->
                    unwrap(failure) instanceof TopicExistsException
                            ? CompletableFuture.completedFuture(null)
                            : CompletableFuture.failedFuture(failure));
        });
    }

    private Map<String, String> topicConfig(short replication) {
        return Map.of(
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(config.retention().toMillis()),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(Math.max(1, Math.min(2, replication - 1))),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    }

    private void retryLater(Duration pause, Throwable failure) {
        String reason = unwrap(failure).getClass().getSimpleName() + ": " + unwrap(failure).getMessage();
        if (!reason.equals(problem.getAndSet(reason))) {
            LOGGER.warnv("Kafka topics not created yet, retrying in {0} s: {1}", pause.toSeconds(), reason);
        }
        Duration next = pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
        Consumer<Long> retry = timer -> attempt(next);
        vertx.setTimer(pause.toMillis(), retry::accept);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
