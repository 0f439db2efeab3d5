package io.stratum.core.live;

import jakarta.annotation.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.stratum.core.boot.StartupOrder;
import io.stratum.core.chat.ChatEventRecords;
import io.stratum.core.kafka.KafkaTopicsConfig;
import io.stratum.core.kafka.ServerTopic;
import io.stratum.core.kafka.TopicProvisioner.TopicsReady;
import io.stratum.core.server.ServerConfig;
import io.stratum.core.server.ServerInstance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads every partition of this server's chat-events and chat-signals topics (each instance reads
 * all of them: it must reach its own connected users) from the end, once the topics exist, on one dedicated
 * thread, and hands each record to {@link LocalSessions}: an event as read by {@link ChatEventRecords}
 * (headers for routing, the frame passed on unparsed), a signal as its JSON. Events this instance
 * published itself are skipped: they went to its devices when committed (ADR 0023). Devices connected later catch up from
 * PostgreSQL, not from Kafka, so no offsets are committed.
 */
@ApplicationScoped
public class ChatEventFeed {
    private static final Logger LOGGER = Logger.getLogger(ChatEventFeed.class);

    private final LocalSessions sessions;
    private final KafkaTopicsConfig kafka;
    private final ServerConfig server;
    private final UUID self;
    private final AtomicBoolean running = new AtomicBoolean();
    private final CountDownLatch topicsReady = new CountDownLatch(1);
    private volatile boolean assigned;
    private volatile KafkaConsumer<String, String> consumer;

    public ChatEventFeed(LocalSessions sessions, KafkaTopicsConfig kafka, ServerConfig server, ServerInstance instance) {
        this.sessions = sessions;
        this.kafka = kafka;
        this.server = server;
        this.self = instance.id();
    }

    /** Whether the feed reads all partitions (readiness). */
    public boolean assigned() {
        return assigned;
    }

    // The consumer is built at start, while the topics are still being provisioned, and reads once they exist.
    void onStart(@Observes @Priority(StartupOrder.READINESS) StartupEvent event) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(this::run, "chat-event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void onTopicsReady(@Observes TopicsReady ready) {
        topicsReady.countDown();
    }

    private void run() {
        String events = ServerTopic.CHAT_EVENTS.nameFor(server.id());
        String signals = ServerTopic.CHAT_SIGNALS.nameFor(server.id());
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, server.id() + "-feed-" + UUID.randomUUID().toString().substring(0, 8),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new StringDeserializer())) {
            consumer = reader;
            awaitTopics();
            List<TopicPartition> partitions = partitionsOf(reader, List.of(events, signals));
            reader.assign(partitions);
            reader.seekToEnd(partitions);
            partitions.forEach(reader::position);
            assigned = true;
            LOGGER.infov("Chat event feed reads {0} partitions", partitions.size());
            while (running.get()) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                    if (record.topic().equals(events)) {
                        deliver(record);
                    } else {
                        signal(record.value());
                    }
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            LOGGER.errorv("Chat event feed stopped: {0}", e.getClass().getName());
            assigned = false;
        }
    }

    private void awaitTopics() {
        try {
            while (!topicsReady.await(200, TimeUnit.MILLISECONDS)) {
                if (!running.get()) {
                    throw new WakeupException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    /**
     * The topics' partitions. Right after the topics were created a broker under load may not list
     * them yet (an empty answer, and poll() on nothing assigned throws), so ask again until it does.
     */
    private List<TopicPartition> partitionsOf(KafkaConsumer<String, String> reader, List<String> topics) {
        while (running.get()) {
            List<TopicPartition> partitions = new ArrayList<>();
            boolean complete = true;
            for (String topic : topics) {
                var infos = reader.partitionsFor(topic);
                complete &= infos != null && !infos.isEmpty();
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            if (complete) {
                return partitions;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
        throw new WakeupException();
    }

    private void deliver(ConsumerRecord<String, String> record) {
        ChatEventRecords.Received received;
        try {
            received = ChatEventRecords.read(record);
        } catch (IllegalArgumentException e) {
            LOGGER.warnf("Skipping an unreadable chat event record: partition=%d offset=%d reason=%s", record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (self.equals(received.origin())) {
            return;
        }
        try {
            sessions.deliver(received.event(), received.recipients());
        } catch (RuntimeException e) {
            LOGGER.warnv("Chat event not handed to the sessions: {0}", e.getClass().getName());
        }
    }

    private void signal(String value) {
        try {
            JsonObject record = new JsonObject(value);
            sessions.signal(record.getJsonObject("frame"), recipients(record.getJsonArray("to")));
        } catch (RuntimeException e) {
            LOGGER.warnv("Skipping an unreadable chat record: {0}", e.getClass().getName());
        }
    }

    private static List<UUID> recipients(JsonArray to) {
        List<UUID> users = new ArrayList<>(to.size());
        for (int i = 0; i < to.size(); i++) {
            users.add(UUID.fromString(to.getString(i)));
        }
        return users;
    }

    @PreDestroy
    void stop() {
        running.set(false);
        KafkaConsumer<String, String> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }

    }
}
