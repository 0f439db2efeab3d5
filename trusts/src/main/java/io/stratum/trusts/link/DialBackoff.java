package io.stratum.trusts.link;

import java.time.ZoneOffset;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps each remote's failed dial attempts in {@code trust_dial_backoff}, so that the backoff survives
 * a restart: a server that comes back does not hammer a remote that has been failing for an hour. Writes
 * are asynchronous; losing one only makes the next start a little more eager.
 */
@ApplicationScoped
public class DialBackoff {
    private static final Logger LOGGER = Logger.getLogger(DialBackoff.class);

    private final Pool database;

    public DialBackoff(Pool database) {
        this.database = database;
    }

    /** The stored attempts, by remote id. */
    Uni<Map<String, TrustLinks.Attempts>> load() {
        return database.query("SELECT remote_id, failures, last_problem, failed_at, next_attempt FROM trust_dial_backoff").execute().map(rows -> {
            Map<String, TrustLinks.Attempts> stored = new java.util.HashMap<>();
            rows.forEach(row -> stored.put(row.getString(0), new TrustLinks.Attempts(row.getInteger(1), row.getString(2),
                    row.getOffsetDateTime(3).toInstant(), row.getOffsetDateTime(4).toInstant())));
            return stored;
        });
    }

    void save(String remoteId, TrustLinks.Attempts attempts) {
        database.preparedQuery("INSERT INTO trust_dial_backoff (remote_id, failures, last_problem, failed_at, next_attempt) VALUES ($1, $2, $3, $4, $5) "
                        + "ON CONFLICT (remote_id) DO UPDATE SET failures = EXCLUDED.failures, last_problem = EXCLUDED.last_problem, "
                        + "failed_at = EXCLUDED.failed_at, next_attempt = EXCLUDED.next_attempt")
                .execute(Tuple.of(remoteId, attempts.failures(), attempts.lastProblem(), attempts.at().atOffset(ZoneOffset.UTC),
                        attempts.next().atOffset(ZoneOffset.UTC)))
                .subscribe().with(done -> { }, failure -> LOGGER.debugv("Backoff of {0} not stored: {1}", remoteId, failure.getClass().getName()));
    }

    void reset(String remoteId) {
        database.preparedQuery("DELETE FROM trust_dial_backoff WHERE remote_id = $1").execute(Tuple.of(remoteId))
                .subscribe().with(done -> { }, failure -> LOGGER.debugv("Backoff of {0} not reset: {1}", remoteId, failure.getClass().getName()));
    }
}
