package io.stratum.core.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;

/**
 * Starts scheduled syncs: every {@link DirectoryConfig#scheduleCheck()} each instance asks whether
 * one is due (the sync interval setting); the sync's lease lets only one instance run it.
 */
@ApplicationScoped
public class DirectorySyncSchedule {
    private static final Logger LOGGER = Logger.getLogger(DirectorySyncSchedule.class);

    private final DirectorySync sync;
    private final Vertx vertx;
    private final DirectoryConfig config;

    public DirectorySyncSchedule(DirectorySync sync, Vertx vertx, DirectoryConfig config) {
        this.sync = sync;
        this.vertx = vertx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        vertx.setPeriodic(config.scheduleCheck().toMillis(), id -> runIfDue());
    }

    void runIfDue() {
        sync.due().chain(due -> due ? sync.run("schedule").replaceWith(true) : io.smallrye.mutiny.Uni.createFrom().item(false))
                .subscribe().with(ran -> { }, failure -> LOGGER.debugv("Scheduled directory sync not done: {0}", failure.getMessage()));
    }
}
