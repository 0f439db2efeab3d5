package io.stratum.core.chat;

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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Publishes committed chat events to {@code <server>.chat-events}, keyed by chat id so a chat's
 * events stay in one partition in commit order; each record's value is the event frame devices
 * receive, encoded here once ({@link ChatEventRecords}). Sends run on one dedicated thread (a Kafka send
 * may block while it fetches metadata; the event loop must not), in the order they were handed in.
 * Each confirmed send clears the event's outbox row; an unconfirmed one is sent again by the
 * {@link Outbox} relay, so consumers must ignore a sequence number they have seen.
 */
@ApplicationScoped
public class ChatEventPublisher {
    private static final Logger LOGGER = Logger.getLogger(ChatEventPublisher.class);

    private final Producer<String, String> producer;
    private final Outbox outbox;
    private final String eventsTopic;
    private final String signalsTopic;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chat-event-publisher");
        thread.setDaemon(true);
        return thread;
    });

    public ChatEventPublisher(Producer<String, String> producer, Outbox outbox, ServerConfig server) {
        this.producer = producer;
        this.outbox = outbox;
        this.eventsTopic = ServerTopic.CHAT_EVENTS.nameFor(server.id());
        this.signalsTopic = ServerTopic.CHAT_SIGNALS.nameFor(server.id());
    }

    /** Queues committed events for publishing; returns at once. */
    public void publish(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        sender.execute(() -> {
            for (Delivery delivery : deliveries) {
                ChatEvent event = delivery.event();
                try {
                    producer.send(ChatEventRecords.record(eventsTopic, delivery), (metadata, failure) -> {
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
