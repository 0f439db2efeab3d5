package io.stratum.core.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The audit log: stores each event in the chain ({@link AuditStore}), then publishes it to Kafka
 * ({@link AuditEvents}) and syslog ({@link SyslogForwarder}) off the caller's thread.
 */
@ApplicationScoped
public class AuditLog implements ConnectionAudit, AdminAudit {
    private static final Logger LOGGER = Logger.getLogger(AuditLog.class);
    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private final AuditStore store;
    private final AuditEvents events;
    private final SyslogForwarder syslog;

    public AuditLog(AuditStore store, AuditEvents events, SyslogForwarder syslog) {
        this.store = store;
        this.events = events;
        this.syslog = syslog;
    }

    @Override
    public Uni<AuditRecord> record(ConnectionEvent event) {
        String details = json(event.detail().isEmpty() ? Map.of() : Map.of("detail", event.detail()));
        String action = event.subject().name().toLowerCase(java.util.Locale.ROOT) + "." + event.kind().name().toLowerCase(java.util.Locale.ROOT);
        return append(new AuditRecord(0, event.at(), AuditRecord.Category.CONNECTION, action, event.user(), event.device(),
                event.ip(), "", event.result(), details, "", ""));
    }

    @Override
    public Uni<AuditRecord> record(AdminAction action) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("after", SecretMask.mask(action.after()));
        changes.put("before", SecretMask.mask(action.before()));
        return append(new AuditRecord(0, action.at(), AuditRecord.Category.ADMIN, action.action(), action.actor(), "",
                action.ip(), action.target(), action.result(), json(changes), "", ""));
    }

    private Uni<AuditRecord> append(AuditRecord unchained) {
        return store.append(unchained).invoke(stored -> Infrastructure.getDefaultWorkerPool().execute(() -> {
            events.publish(stored);
            syslog.forward(stored);
        })).onFailure().invoke(failure -> LOGGER.errorv("Audit record not stored: action={0} error={1}",
                unchained.action(), failure.getClass().getName()));
    }

    private static String json(Map<String, ?> value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable: " + e.getOriginalMessage());
        }
    }
}
