package io.stratum.admin.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.admin.AdminConsoleConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Counts failed logins per login and per client IP over a sliding window (in the database, so every
 * instance sees the same counts). A login or an address with too many failures in the window is
 * refused, even with the right password, until its failures age out of the window.
 */
@ApplicationScoped
public class LoginThrottle {
    private final Pool database;
    private final AdminConsoleConfig.Login config;

    public LoginThrottle(Pool database, AdminConsoleConfig config) {
        this.database = database;
        this.config = config.login();
    }

    /** How long until a login from this address for this login may be tried again; empty when it may now. */
    public Uni<Optional<Duration>> retryAfter(String username, String ip) {
        double window = config.window().toSeconds();
        return database.preparedQuery("SELECT "
                        + "(SELECT count(*) FROM admin_login_failure WHERE username = $1 AND at > now() - make_interval(secs => $3)) AS by_login, "
                        + "(SELECT min(at) FROM admin_login_failure WHERE username = $1 AND at > now() - make_interval(secs => $3)) AS login_oldest, "
                        + "(SELECT count(*) FROM admin_login_failure WHERE ip = $2 AND at > now() - make_interval(secs => $3)) AS by_ip, "
                        + "(SELECT min(at) FROM admin_login_failure WHERE ip = $2 AND at > now() - make_interval(secs => $3)) AS ip_oldest, "
                        + "now() AS now")
                .execute(Tuple.of(username, ip, window))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime now = row.getOffsetDateTime("now");
                    Optional<Duration> wait = Optional.empty();
                    if (row.getLong("by_login") >= config.maxFailuresPerLogin()) {
                        wait = Optional.of(until(row.getOffsetDateTime("login_oldest"), now));
                    }
                    if (row.getLong("by_ip") >= config.maxFailuresPerIp()) {
                        Duration ipWait = until(row.getOffsetDateTime("ip_oldest"), now);
                        wait = Optional.of(wait.map(w -> w.compareTo(ipWait) > 0 ? w : ipWait).orElse(ipWait));
                    }
                    return wait;
                });
    }

    public Uni<Void> recordFailure(String username, String ip) {
        return database.preparedQuery("INSERT INTO admin_login_failure (username, ip) VALUES ($1, $2)")
                .execute(Tuple.of(username, ip)).replaceWithVoid();
    }

    /** Forgets the failures of a login (after a successful login, or when an administrator resets the account). */
    public Uni<Void> clear(String username) {
        return database.preparedQuery("DELETE FROM admin_login_failure WHERE username = $1 OR at < now() - make_interval(secs => $2)")
                .execute(Tuple.of(username, (double) config.window().toSeconds())).replaceWithVoid();
    }

    private Duration until(OffsetDateTime oldest, OffsetDateTime now) {
        Duration left = Duration.between(now, oldest.plus(config.window()));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
