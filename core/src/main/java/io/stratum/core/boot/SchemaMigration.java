package io.stratum.core.boot;

import java.sql.SQLException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.stratum.common.schema.SchemaMigrator;

/**
 * Makes sure the database is migrated when the server starts, before any other start-up work touches
 * it. Runs on the start-up thread (blocking JDBC is fine there). A server started through
 * {@link StratumLauncher} has begun this already ({@link DatabasePreparation}): here it waits for
 * that and refuses to go on if the database was refused. Otherwise (tests) it migrates itself. A
 * database already at the newest version costs one query: Flyway is loaded only when there is work.
 */
@ApplicationScoped
public class SchemaMigration {
    private static final Logger LOGGER = Logger.getLogger(SchemaMigration.class);

    void migrate(@Observes @Priority(StartupOrder.DATABASE) StartupEvent event,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) throws SQLException {
        int applied;
        if (DatabasePreparation.begun()) {
            applied = DatabasePreparation.await();
        } else {
            // The reactive URL (postgresql://host:port/db) is the JDBC URL without its jdbc: prefix.
            applied = new SchemaMigrator("jdbc:" + reactiveUrl, user, password).migrate();
        }
        if (applied > 0) {
            LOGGER.infov("Database migrated: {0} migration(s) applied", applied);
        }
    }
}
