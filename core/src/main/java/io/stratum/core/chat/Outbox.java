package io.stratum.core.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.stratum.core.boot.Periodic;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The transactional outbox of chat events. Rows are written with the events (same transaction);
 * confirmed publications delete them in batches every 200 ms; every {@link MessagingConfig#outboxRedeliverAfter()}
 * the relay publishes again whatever is older than that, which covers a crash or a Kafka outage
 * between commit and publication. Several instances may relay the same row: consumers deduplicate
 * by sequence number.
 */
@ApplicationScoped
public class Outbox {
    private static final Logger LOGGER = Logger.getLogger(Outbox.class);
    private static final int RELAY_LIMIT = 1000;

    private final Pool database;
    private final Periodic periodic;
    private final MessagingConfig config;
    private final Instance<ChatEventPublisher> publisher;
    private final Queue<Object[]> confirmed = new ConcurrentLinkedQueue<>();

    public Outbox(Pool database, Periodic periodic, MessagingConfig config, Instance<ChatEventPublisher> publisher) {
        this.database = database;
        this.periodic = periodic;
        this.config = config;
        this.publisher = publisher;
    }

    void onStart(@Observes StartupEvent event) {
        periodic.every(Duration.ofMillis(200), this::clearConfirmed);
        periodic.every(config.outboxRedeliverAfter(), () -> relay().subscribe().with(count -> {
            if (count > 0) {
                LOGGER.infov("Outbox relay published {0} chat events again", count);
            }
        }, failure -> LOGGER.warnv("Outbox relay failed: {0}", failure.getClass().getName())));
    }

    /** Called (from the Kafka producer's thread) when an event's publication was confirmed. */
    void confirmed(UUID chatId, long seq) {
        confirmed.add(new Object[] {chatId, seq});
    }

    private void clearConfirmed() {
        List<UUID> chats = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (Object[] next; chats.size() < 5000 && (next = confirmed.poll()) != null; ) {
            chats.add((UUID) next[0]);
            seqs.add((Long) next[1]);
        }
        if (chats.isEmpty()) {
            return;
        }
        database.preparedQuery("DELETE FROM chat_event_outbox WHERE (chat_id, seq) IN (SELECT * FROM unnest($1::uuid[], $2::bigint[]))")
                .execute(Tuple.of(chats.toArray(UUID[]::new), seqs.toArray(Long[]::new)))
                .subscribe().with(done -> { }, failure -> LOGGER.warnv("Clearing the outbox failed: {0}", failure.getClass().getName()));
    }

    /** Publishes the events whose confirmation is overdue; returns how many. */
    Uni<Integer> relay() {
        double age = config.outboxRedeliverAfter().toMillis() / 1000.0;
        return database.preparedQuery(ChatEvents.SELECT + " e WHERE (chat_id, seq) IN (SELECT chat_id, seq FROM chat_event_outbox "
                        + "WHERE created_at < now() - make_interval(secs => $1) ORDER BY chat_id, seq LIMIT " + RELAY_LIMIT + ") ORDER BY chat_id, seq")
                .execute(Tuple.of(age))
                .chain(rows -> {
                    List<ChatEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(ChatEvents.from(row));
                    }
                    if (events.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return ChatEvents.members(database, events.stream().map(ChatEvent::chatId).distinct().toList()).map(members -> {
                        publisher.get().publish(deliveries(events, members));
                        return events.size();
                    });
                });
    }

    private static List<Delivery> deliveries(List<ChatEvent> events, Map<UUID, List<UUID>> members) {
        return events.stream().map(event -> new Delivery(event, members.getOrDefault(event.chatId(), List.of()))).toList();
    }
}
