package io.stratum.core.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.stratum.core.boot.Periodic;
import io.stratum.core.chat.ChatEventPublisher;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Online/offline per user across all instances of the role. An instance records in PostgreSQL that
 * it holds a user's first connection and removes the record with the last one; the user is online
 * while any instance holds a record. Transitions are signalled to the user's contacts (everyone
 * sharing a chat) as {@code presence} frames. Each instance announces itself every 5 s; records of
 * an instance silent for 30 s (killed) are removed by the others.
 */
@ApplicationScoped
public class Presence {
    private static final Logger LOGGER = Logger.getLogger(Presence.class);
    private final String instance = UUID.randomUUID().toString();

    private final Pool database;
    private final Periodic periodic;
    private final ChatEventPublisher publisher;

    public Presence(Pool database, Periodic periodic, ChatEventPublisher publisher) {
        this.database = database;
        this.periodic = periodic;
        this.publisher = publisher;
    }

    void onStart(@Observes StartupEvent event) {
        announce();
        periodic.every(Duration.ofSeconds(5), this::announce);
    }

    /** The user's first connection on this instance opened. */
    void online(UUID user) {
        database.withTransaction(connection -> connection.preparedQuery(
                        "INSERT INTO presence (huid, instance) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(user, instance))
                .chain(() -> connection.preparedQuery("SELECT count(*) FROM presence WHERE huid = $1").execute(Tuple.of(user))))
                .subscribe().with(rows -> {
                    if (rows.iterator().next().getLong(0) == 1) {
                        tellContacts(user, true);
                    }
                }, failure -> LOGGER.warnv("Presence not recorded: {0}", failure.getClass().getName()));
    }

    /** The user's last connection on this instance closed. */
    void offline(UUID user) {
        database.withTransaction(connection -> connection.preparedQuery("DELETE FROM presence WHERE huid = $1 AND instance = $2")
                        .execute(Tuple.of(user, instance))
                        .chain(() -> connection.preparedQuery("UPDATE chat_user SET last_seen_at = now() WHERE huid = $1").execute(Tuple.of(user)))
                        .chain(() -> connection.preparedQuery("SELECT count(*) FROM presence WHERE huid = $1").execute(Tuple.of(user))))
                .subscribe().with(rows -> {
                    if (rows.iterator().next().getLong(0) == 0) {
                        tellContacts(user, false);
                    }
                }, failure -> LOGGER.warnv("Presence not recorded: {0}", failure.getClass().getName()));
    }

    /** Online state and last seen time of the given users, as far as they share a chat with the asker. */
    public Uni<List<JsonObject>> of(UUID asker, List<UUID> users) {
        return database.preparedQuery("""
                        SELECT u.huid, EXISTS (SELECT 1 FROM presence p WHERE p.huid = u.huid), u.last_seen_at FROM chat_user u
                        WHERE u.huid = ANY($1) AND (u.huid = $2 OR EXISTS (SELECT 1 FROM chat_member a JOIN chat_member b ON a.chat_id = b.chat_id
                                                       WHERE a.huid = $2 AND b.huid = u.huid))""")
                .execute(Tuple.of(users.toArray(UUID[]::new), asker))
                .map(rows -> {
                    List<JsonObject> states = new ArrayList<>();
                    for (Row row : rows) {
                        JsonObject state = new JsonObject().put("huid", row.getUUID(0).toString()).put("online", row.getBoolean(1));
                        if (row.getOffsetDateTime(2) != null) {
                            state.put("last_seen", row.getOffsetDateTime(2).toInstant().toString());
                        }
                        states.add(state);
                    }
                    return states;
                });
    }

    private void tellContacts(UUID user, boolean online) {
        database.preparedQuery("SELECT DISTINCT b.huid FROM chat_member a JOIN chat_member b ON a.chat_id = b.chat_id "
                        + "WHERE a.huid = $1 AND b.huid <> $1")
                .execute(Tuple.of(user))
                .subscribe().with(rows -> {
                    List<UUID> contacts = new ArrayList<>();
                    rows.forEach(row -> contacts.add(row.getUUID(0)));
                    if (!contacts.isEmpty()) {
                        publisher.signal(user, new JsonObject().put("type", "presence").put("member", user.toString()).put("online", online),
                                contacts);
                    }
                }, failure -> LOGGER.warnv("Presence not signalled: {0}", failure.getClass().getName()));
    }

    private void announce() {
        database.preparedQuery("INSERT INTO role_instance (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET seen_at = now()")
                .execute(Tuple.of(instance))
                .chain(() -> database.query("DELETE FROM role_instance WHERE seen_at < now() - interval '30 seconds'").execute())
                .subscribe().with(done -> { }, failure -> LOGGER.debugv("Instance not announced: {0}", failure.getClass().getName()));
    }

    @PreDestroy
    void stop() {
        // A clean stop takes this instance's users offline at once; a killed one is cleaned up by the others.
        try {
            database.preparedQuery("DELETE FROM role_instance WHERE id = $1").execute(Tuple.of(instance))
                    .await().atMost(java.time.Duration.ofSeconds(3));
        } catch (RuntimeException e) {
            LOGGER.debugv("Presence of this instance not cleared at stop: {0}", e.getClass().getName());
        }
    }
}
