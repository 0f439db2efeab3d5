package io.stratum.core.directory;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Counts failed directory logins per login and per client IP over a sliding window, in the
 * database so that every instance enforces the same limits. Checked before the directory is
 * asked, so a guessing client cannot lock the person's directory account by brute force.
 */
@ApplicationScoped
public class DirectoryLoginThrottle {
    private final Pool database;
    private final DirectoryConfig config;

    public DirectoryLoginThrottle(Pool database, DirectoryConfig config) {
        this.database = database;
        this.config = config;
    }

    /** Fails with 429 {@code too_many_attempts} (detail {@code retry_after} seconds) when a limit is reached. */
    public Uni<Void> check(String login, String ip) {
        return database.preparedQuery("""
                        SELECT (SELECT count(*) FROM directory_login_failure WHERE login = $1 AND at > now() - make_interval(secs => $3)),
                               (SELECT count(*) FROM directory_login_failure WHERE ip = $2 AND at > now() - make_interval(secs => $3))""")
                .execute(Tuple.of(login, ip, (double) config.failureWindow().toSeconds()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getLong(0) >= config.maxFailuresPerLogin() || row.getLong(1) >= config.maxFailuresPerIp()) {
                        throw new ApiException(429, "too_many_attempts", "too many failed logins; try again later",
                                Map.of("retry_after", config.failureWindow().toSeconds()));
                    }
                    return null;
                });
    }

    /** Counts one failure. */
    public Uni<Void> failed(String login, String ip) {
        return database.preparedQuery("INSERT INTO directory_login_failure (login, ip) VALUES ($1, $2)").execute(Tuple.of(login, ip))
                .replaceWithVoid();
    }

    /** Forgets the failures of a login after it succeeded, and those older than the window. */
    public Uni<Void> succeeded(String login) {
        return database.preparedQuery("DELETE FROM directory_login_failure WHERE login = $1 OR at < now() - make_interval(secs => $2)")
                .execute(Tuple.of(login, (double) config.failureWindow().toSeconds())).replaceWithVoid();
    }
}
