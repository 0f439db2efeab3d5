package io.stratum.core.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.stratum.core.boot.Periodic;

/**
 * Starts scheduled syncs: every {@link DirectoryConfig#scheduleCheck()} each instance asks whether
 * one is due (the sync interval setting); the sync's lease lets only one instance run it.
 */
@ApplicationScoped
public class DirectorySyncSchedule {
    private static final Logger LOGGER = Logger.getLogger(DirectorySyncSchedule.class);

    private final DirectorySync sync;
    private final Periodic periodic;
    private final DirectoryConfig config;

    public DirectorySyncSchedule(DirectorySync sync, Periodic periodic, DirectoryConfig config) {
        this.sync = sync;
        this.periodic = periodic;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        periodic.every(config.scheduleCheck(), this::runIfDue);
    }

    void runIfDue() {
        sync.due().chain(due -> due ? sync.run("schedule").replaceWith(true) : io.smallrye.mutiny.Uni.createFrom().item(false))
                .subscribe().with(ran -> { }, failure -> LOGGER.debugv("Scheduled directory sync not done: {0}", failure.getMessage()));
    }
}
