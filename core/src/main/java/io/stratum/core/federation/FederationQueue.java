package io.stratum.core.federation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Queues envelopes for other servers in {@code federation_outbox}, inside the caller's transaction,
 * so a state change and the news of it for other servers commit together. After the commit the
 * caller calls {@link #wake()} so the links send at once (they also look every second).
 */
@ApplicationScoped
public class FederationQueue {
    /** Event-bus address the trust links listen on for "something was queued". */
    public static final String QUEUED = "stratum.federation.queued";

    private final Vertx vertx;

    public FederationQueue(Vertx vertx) {
        this.vertx = vertx;
    }

    /** One envelope this server originates: for {@code destination}, of {@code kind}. */
    public record Outgoing(String destination, String kind, JsonObject payload) {
    }

    /** Inserts the envelopes in the given order (their ids grow in that order). */
    public Uni<Void> enqueue(SqlClient connection, List<Outgoing> envelopes) {
        if (envelopes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("INSERT INTO federation_outbox (destination, kind, payload) "
                        + "SELECT d, k, p FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(d, k, p, n) ORDER BY n")
                .execute(Tuple.of(envelopes.stream().map(Outgoing::destination).toArray(String[]::new),
                        envelopes.stream().map(Outgoing::kind).toArray(String[]::new),
                        envelopes.stream().map(e -> e.payload().encode()).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Tells the links that envelopes were committed. */
    public void wake() {
        vertx.eventBus().publish(QUEUED, "");
    }
}
