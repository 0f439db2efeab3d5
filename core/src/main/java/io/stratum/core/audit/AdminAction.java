package io.stratum.core.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One change made by an administrator through the console or the admin API.
 *
 * @param at     when
 * @param actor  the administrator's login
 * @param ip     where from (the client's address)
 * @param action what, as a dotted name: {@code administrator.create}, {@code certificate.update}…
 * @param target what it was done to: a login, a setting key, empty when there is none
 * @param before the state before (empty for a creation); secret values are masked when recorded
 * @param after  the state after (empty for a deletion); secret values are masked when recorded
 * @param result SUCCESS or FAILURE
 */
public record AdminAction(Instant at, String actor, String ip, String action, String target,
        Map<String, ?> before, Map<String, ?> after, AuditResult result) {

    public AdminAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
        actor = actor == null ? "" : actor;
        ip = ip == null ? "" : ip;
        target = target == null ? "" : target;
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }

    /** A successful action happening now. */
    public static AdminAction now(String actor, String ip, String action, String target,
            Map<String, ?> before, Map<String, ?> after) {
        return new AdminAction(Instant.now(), actor, ip, action, target, before, after, AuditResult.SUCCESS);
    }
}
