package io.stratum.core.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Tells the administrator at start when the console has nobody who can log in yet. */
@ApplicationScoped
public class FirstAdministratorReminder {
    private static final Logger LOGGER = Logger.getLogger(FirstAdministratorReminder.class);

    void onStart(@Observes StartupEvent event, Vertx vertx) {
        // Hibernate Reactive needs a (duplicated) Vert.x context; the start-up thread has none.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Panache.withSession(() -> Administrator.count()).subscribe().with(count -> {
            if (count == 0) {
                LOGGER.warn("No console administrator yet: create one with `stratum add-admin -u NAME -p PASSWORD`");
            } else {
                LOGGER.infov("Console administrators: {0}", count);
            }
        }, failure -> LOGGER.warnv("Could not count console administrators: {0}", failure.toString())));
    }
}
