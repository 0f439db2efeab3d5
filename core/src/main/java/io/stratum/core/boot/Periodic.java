package io.stratum.core.boot;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;

/**
 * Background work repeated on a Vert.x timer for the life of the server. Contract: the task runs on an
 * event loop, must not block, and is never started again once shutdown begins, so a tick cannot reach
 * beans (the database pool, Kafka clients) that the shutdown is already taking down.
 */
@ApplicationScoped
public class Periodic {
    private final Vertx vertx;
    private final Set<Long> timers = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public Periodic(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Runs {@code task} every {@code period}, the first time one period from now. */
    public void every(Duration period, Runnable task) {
        if (stopping) {
            return;
        }
        timers.add(vertx.setPeriodic(Math.max(1, period.toMillis()), id -> {
            if (!stopping) {
                task.run();
            }
        }));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }
}
