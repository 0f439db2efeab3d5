package io.stratum.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One connection event: a login, a failed login, a logout, a device registration or a token
 * refresh, of a chat user or a console administrator.
 *
 * @param at     when it happened
 * @param kind   what happened
 * @param subject whose connection: a chat user or a console administrator
 * @param user   the login or user id as given (also for failures: what was tried); never a password
 * @param device the device id or client description, empty when unknown
 * @param ip     the client's address, empty when unknown
 * @param result SUCCESS or FAILURE
 * @param detail a short reason for a failure ("wrong password", "locked"), empty otherwise; never a secret
 */
public record ConnectionEvent(Instant at, Kind kind, Subject subject, String user, String device, String ip,
        AuditResult result, String detail) {

    /** What happened. */
    public enum Kind {
        LOGIN, LOGOUT, DEVICE_REGISTERED, TOKEN_REFRESHED,
        /** An envelope from another server refused at its destination (bad signature, hop limit): {@code server.envelope_refused}. */
        ENVELOPE_REFUSED
    }

    /** Whose connection it was. */
    public enum Subject {
        USER, ADMINISTRATOR,
        /** Another server dialing in over a trust link (or answering our dial). */
        SERVER
    }

    public ConnectionEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(result, "result");
        user = user == null ? "" : user;
        device = device == null ? "" : device;
        ip = ip == null ? "" : ip;
        detail = detail == null ? "" : detail;
    }

    /** An event happening now. */
    public static ConnectionEvent now(Kind kind, Subject subject, String user, String device, String ip,
            AuditResult result, String detail) {
        return new ConnectionEvent(Instant.now(), kind, subject, user, device, ip, result, detail);
    }
}
