package io.stratum.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import io.stratum.core.kafka.ServerTopic;
import io.stratum.core.server.ServerConfig;
import io.stratum.core.server.ServerInstance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Hands committed chat events to this instance's devices at once ({@link LocalDelivery}) and
 * publishes them to {@code <server>.chat-events} for the other instances, keyed by chat id so a
 * chat's events stay in one partition in commit order, marked with this instance as their origin
 * (ADR 0023); each record's value is the event frame devices receive, encoded here once
 * ({@link ChatEventRecords}). Sends run on one dedicated thread (a Kafka send
 * may block while it fetches metadata; the event loop must not), in the order they were handed in.
 * Each confirmed send clears the event's outbox row; an unconfirmed one is sent again by the
 * {@link Outbox} relay, so consumers must ignore a sequence number they have seen.
 */
@ApplicationScoped
public class ChatEventPublisher {
    private static final Logger LOGGER = Logger.getLogger(ChatEventPublisher.class);

    private final Producer<String, String> producer;
    private final Outbox outbox;
    private final LocalDelivery local;
    private final UUID origin;
    private final String eventsTopic;
    private final String signalsTopic;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chat-event-publisher");
        thread.setDaemon(true);
        return thread;
    });

    public ChatEventPublisher(Producer<String, String> producer, Outbox outbox, LocalDelivery local, ServerConfig server,
            ServerInstance instance) {
        this.producer = producer;
        this.outbox = outbox;
        this.local = local;
        this.origin = instance.id();
        this.eventsTopic = ServerTopic.CHAT_EVENTS.nameFor(server.id());
        this.signalsTopic = ServerTopic.CHAT_SIGNALS.nameFor(server.id());
    }

    /** Delivers committed events to the devices connected here and queues them for publishing; returns at once. */
    public void publish(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        List<LiveEvent> events = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            LiveEvent event = LiveEvent.of(delivery.event());
            events.add(event);
            try {
                local.deliver(event, delivery.recipients());
            } catch (RuntimeException e) {
                // The device sessions fill the gap from PostgreSQL with the next event of the chat, or at their next resume.
                LOGGER.warnv("Chat event not handed to the local sessions: {0}", e.getClass().getName());
            }
        }
        sender.execute(() -> {
            for (int i = 0; i < events.size(); i++) {
                LiveEvent event = events.get(i);
                try {
                    producer.send(ChatEventRecords.record(eventsTopic, event, deliveries.get(i).recipients(), origin), (metadata, failure) -> {
                        if (failure == null) {
                            outbox.confirmed(event.chatId(), event.seq());
                        } else {
                            LOGGER.warnv("Publishing chat event failed; the outbox relay retries: {0}", failure.getClass().getName());
                        }
                    });
                } catch (RuntimeException e) {
                    LOGGER.warnv("Publishing chat event failed; the outbox relay retries: {0}", e.getClass().getName());
                }
            }
        });
    }

    /**
     * Publishes an ephemeral signal (typing, receipt, presence) for the given users; lost signals
     * are not sent again.
     */
    public void signal(UUID chatId, JsonObject frame, List<UUID> recipients) {
        String value = new JsonObject().put("frame", frame).put("to", recipients(recipients)).encode();
        sender.execute(() -> {
            try {
                producer.send(new ProducerRecord<>(signalsTopic, chatId.toString(), value));
            } catch (RuntimeException e) {
                LOGGER.debugv("Signal not published: {0}", e.getClass().getName());
            }
        });
    }

    private static JsonArray recipients(List<UUID> users) {
        JsonArray to = new JsonArray();
        users.forEach(user -> to.add(user.toString()));
        return to;
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
