package io.stratum.core.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Tells the administrator at start when the console has nobody who can log in yet. A plain SQL
 * count on the reactive pool: an HQL query here would make Hibernate translate its first query on
 * the event loop while the JVM is still cold, blocking it for seconds on a busy machine.
 */
@ApplicationScoped
public class FirstAdministratorReminder {
    private static final Logger LOGGER = Logger.getLogger(FirstAdministratorReminder.class);

    void onStart(@Observes StartupEvent event, Pool database) {
        database.query("SELECT count(*) FROM administrator").execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .subscribe().with(count -> {
                    if (count == 0) {
                        LOGGER.warn("No console administrator yet: create one with `stratum add-admin -u NAME -p PASSWORD`");
                    } else {
                        LOGGER.infov("Console administrators: {0}", count);
                    }
                }, failure -> LOGGER.warnv("Could not count console administrators: {0}", failure.toString()));
    }
}
