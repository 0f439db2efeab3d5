package io.stratum.core.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.stratum.core.api.ApiException;
import io.stratum.core.audit.AuditResult;
import io.stratum.core.audit.ConnectionAudit;
import io.stratum.core.audit.ConnectionEvent;
import io.stratum.core.audit.ConnectionEvent.Kind;
import io.stratum.core.audit.ConnectionEvent.Subject;

/**
 * The chat users' side of the connection audit: logins (both outcomes), device registrations,
 * token refreshes and logouts. Fire and forget: a login never waits for, or fails because of, its
 * audit record; a record that cannot be stored is logged (without the user's input beyond the login).
 */
@ApplicationScoped
public class LoginAudit {
    private static final Logger LOGGER = Logger.getLogger(LoginAudit.class);

    private final ConnectionAudit audit;

    public LoginAudit(ConnectionAudit audit) {
        this.audit = audit;
    }

    /** A successful login that registered a device. */
    public void loggedIn(String user, String device, String ip) {
        record(ConnectionEvent.now(Kind.LOGIN, Subject.USER, user, device, ip, AuditResult.SUCCESS, ""));
        record(ConnectionEvent.now(Kind.DEVICE_REGISTERED, Subject.USER, user, device, ip, AuditResult.SUCCESS, ""));
    }

    /** A refused login; {@code failure} supplies the reason code (never the code or password tried). */
    public void loginFailed(String user, String ip, Throwable failure) {
        record(ConnectionEvent.now(Kind.LOGIN, Subject.USER, user, "", ip, AuditResult.FAILURE, reason(failure)));
    }

    /** A token refresh; {@code user} is the HUID when known. */
    public void refreshed(String user, String device, String ip, Throwable failure) {
        record(ConnectionEvent.now(Kind.TOKEN_REFRESHED, Subject.USER, user, device, ip,
                failure == null ? AuditResult.SUCCESS : AuditResult.FAILURE, failure == null ? "" : reason(failure)));
    }

    /** A device logged out. */
    public void loggedOut(String user, String device, String ip) {
        record(ConnectionEvent.now(Kind.LOGOUT, Subject.USER, user, device, ip, AuditResult.SUCCESS, ""));
    }

    private void record(ConnectionEvent event) {
        audit.record(event).subscribe().with(stored -> { },
                failure -> LOGGER.warnv("Connection audit record not stored ({0} {1}): {2}", event.kind(), event.result(),
                        failure.getClass().getName()));
    }

    private static String reason(Throwable failure) {
        return failure instanceof ApiException api ? api.code() : "internal";
    }
}
