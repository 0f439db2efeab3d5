package io.stratum.core.kafka;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stratum.core.server.BuildInfo;
import io.stratum.core.server.ServerConfig;

/**
 * Publishes this server's life-cycle events to {@code <server id>.system-events}, keyed by server
 * id, as JSON: {@code {"type":"server.started","server":"cts-a","role":"cts","version":"…","at":"…"}}.
 */
@ApplicationScoped
public class SystemEvents {
    private static final Logger LOGGER = Logger.getLogger(SystemEvents.class);

    /** One event as it appears on the topic. */
    public record SystemEvent(String type, String server, String role, String version, Instant at) {
    }

    private final Producer<String, String> producer;
    private final ObjectMapper json;
    private final ServerConfig server;
    private final BuildInfo build;

    public SystemEvents(Producer<String, String> producer, ObjectMapper json, ServerConfig server, BuildInfo build) {
        this.producer = producer;
        this.json = json;
        this.server = server;
        this.build = build;
    }

    void announceStart(@Observes TopicProvisioner.TopicsReady ready) {
        publish("server.started");
    }

    /** Sends an event; failures are logged, never thrown: events must not stop the server. */
    public void publish(String type) {
        SystemEvent event = new SystemEvent(type, server.id(), server.role(), build.version(), Instant.now());
        try {
            String value = json.writeValueAsString(event);
            producer.send(new ProducerRecord<>(ServerTopic.SYSTEM_EVENTS.nameFor(server.id()), server.id(), value),
                    (metadata, failure) -> {
                        if (failure != null) {
                            LOGGER.warnv("System event not published: type={0} error={1}", type, failure.toString());
                        }
                    });
        } catch (JsonProcessingException | RuntimeException e) {
            LOGGER.warnv("System event not published: type={0} error={1}", type, e.toString());
        }
    }
}
