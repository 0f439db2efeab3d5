package io.stratum.core.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stratum.core.kafka.ServerTopic;
import io.stratum.core.server.ServerConfig;

/**
 * Publishes stored audit records for external DLP and SIEM systems: administrator actions to
 * {@code <server id>.admin-events}, connection events to {@code <server id>.system-events}, keyed by
 * server id, as JSON ({@code {"type":"audit","seq":…,"category":…,"action":…,…,"hash":…}}).
 * May block while Kafka metadata is fetched: call it from a worker thread.
 */
@ApplicationScoped
public class AuditEvents {
    private static final Logger LOGGER = Logger.getLogger(AuditEvents.class);

    /** The JSON published. */
    public record AuditEvent(String type, String server, long seq, String at, String category, String action, String actor,
            String device, String ip, String target, String result, String details, String hash) {
    }

    private final Producer<String, String> producer;
    private final ObjectMapper json;
    private final ServerConfig server;

    public AuditEvents(Producer<String, String> producer, ObjectMapper json, ServerConfig server) {
        this.producer = producer;
        this.json = json;
        this.server = server;
    }

    void publish(AuditRecord r) {
        ServerTopic topic = r.category() == AuditRecord.Category.ADMIN ? ServerTopic.ADMIN_EVENTS : ServerTopic.SYSTEM_EVENTS;
        try {
            String value = json.writeValueAsString(new AuditEvent("audit", server.id(), r.seq(), r.at().toString(),
                    r.category().name(), r.action(), r.actor(), r.device(), r.ip(), r.target(), r.result().name(),
                    r.details(), r.hash()));
            producer.send(new ProducerRecord<>(topic.nameFor(server.id()), server.id(), value), (metadata, failure) -> {
                if (failure != null) {
                    LOGGER.warnv("Audit event not published: seq={0} error={1}", r.seq(), failure.toString());
                }
            });
        } catch (JsonProcessingException | RuntimeException e) {
            LOGGER.warnv("Audit event not published: seq={0} error={1}", r.seq(), e.toString());
        }
    }
}
