package io.stratum.trusts.link;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.stratum.core.audit.AuditResult;
import io.stratum.core.audit.ConnectionAudit;
import io.stratum.core.audit.ConnectionEvent;
import io.stratum.core.audit.ConnectionEvent.Kind;
import io.stratum.core.audit.ConnectionEvent.Subject;

/** Audits trust handshakes ({@code server.login}): who, from where, accepted or refused and why. Never a token. */
@ApplicationScoped
public class LinkAudit {
    private static final Logger LOGGER = Logger.getLogger(LinkAudit.class);

    private final ConnectionAudit audit;

    public LinkAudit(ConnectionAudit audit) {
        this.audit = audit;
    }

    void accepted(String remoteId, String ip, boolean dialed) {
        record(ConnectionEvent.now(Kind.LOGIN, Subject.SERVER, remoteId, dialed ? "dialed" : "accepted", ip, AuditResult.SUCCESS, ""));
    }

    void refused(String remoteId, String ip, boolean dialed, String problem) {
        LOGGER.warnv("Trust link with {0} ({1}) refused: {2}", remoteId, ip, problem);
        record(ConnectionEvent.now(Kind.LOGIN, Subject.SERVER, remoteId, dialed ? "dialed" : "accepted", ip, AuditResult.FAILURE, problem));
    }

    private void record(ConnectionEvent event) {
        audit.record(event).subscribe().with(stored -> { },
                failure -> LOGGER.warnv("Trust link audit record not stored: {0}", failure.getClass().getName()));
    }

    /** An envelope from {@code origin}, handed over by {@code via}, was refused ({@code server.envelope_refused}). */
    public void envelopeRefused(String origin, String via, String reason) {
        LOGGER.warnv("Envelope from {0} (handed over by {1}) refused: {2}", origin, via, reason);
        record(ConnectionEvent.now(Kind.ENVELOPE_REFUSED, Subject.SERVER, origin, "via " + via, "", AuditResult.FAILURE, reason));
    }
}
