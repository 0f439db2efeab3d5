package io.stratum.trusts.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.stratum.core.boot.Periodic;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * What waits in {@code federation_outbox} per destination server, read every two seconds: how many
 * envelopes and how old the oldest is. Published as {@code trust_queue_depth{remote}} and
 * {@code trust_oldest_undelivered_seconds{remote}} (every trust, plus any other destination with
 * something queued) and shown with each trust's link in the admin API and console.
 */
@ApplicationScoped
public class LinkBacklog {
    private static final Logger LOGGER = Logger.getLogger(LinkBacklog.class);

    /** What waits for one destination. */
    public record Queued(long envelopes, long oldestSeconds) {
        static final Queued NONE = new Queued(0, 0);
    }

    private final Pool database;
    private final Periodic periodic;
    private final MultiGauge depth;
    private final MultiGauge oldest;
    private volatile Map<String, Queued> current = Map.of();
    private volatile Set<String> trusts = Set.of();

    public LinkBacklog(Pool database, Periodic periodic, MeterRegistry registry) {
        this.database = database;
        this.periodic = periodic;
        this.depth = MultiGauge.builder("trust_queue_depth").description("Envelopes queued for a server, not yet acknowledged by the next hop")
                .register(registry);
        this.oldest = MultiGauge.builder("trust_oldest_undelivered_seconds")
                .description("Age of the oldest envelope queued for a server (0 when none)").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        periodic.every(Duration.ofSeconds(2), this::refresh);
    }

    /** What waits for {@code remote}. */
    public Queued queued(String remote) {
        return current.getOrDefault(remote, Queued.NONE);
    }

    /** The trusts to publish a series for even when nothing waits (the dialer refreshes them). */
    void trusts(Set<String> remotes) {
        this.trusts = Set.copyOf(remotes);
    }

    private void refresh() {
        database.query("SELECT destination, count(*), COALESCE(extract(epoch FROM now() - min(created_at)), 0)::bigint "
                        + "FROM federation_outbox GROUP BY destination").execute()
                .subscribe().with(rows -> {
                    Map<String, Queued> read = new java.util.HashMap<>();
                    for (Row row : rows) {
                        read.put(row.getString(0), new Queued(row.getLong(1), row.getLong(2)));
                    }
                    current = Map.copyOf(read);
                    publish();
                }, failure -> LOGGER.debugv("Reading the outbox backlog failed: {0}", failure.getClass().getName()));
    }

    private void publish() {
        Set<String> remotes = new TreeSet<>(trusts);
        remotes.addAll(current.keySet());
        List<MultiGauge.Row<?>> depths = new ArrayList<>();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        for (String remote : remotes) {
            Queued queued = queued(remote);
            depths.add(MultiGauge.Row.of(Tags.of("remote", remote), queued.envelopes()));
            ages.add(MultiGauge.Row.of(Tags.of("remote", remote), queued.oldestSeconds()));
        }
        depth.register(depths, true);
        oldest.register(ages, true);
    }
}
