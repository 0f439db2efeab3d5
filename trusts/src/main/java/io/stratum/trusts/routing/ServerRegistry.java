package io.stratum.trusts.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The servers this server has heard of in its neighbours' route announcements, with the role and host
 * each announced for itself and the neighbour it was heard through (table {@code server_registry}).
 * On an RTS or ETS these are the servers attached below it, directly or through a lower ETS; whether
 * one is reachable now is {@link Routes}' business, this is what is known about it. A row is written
 * when something about the server changes, and its {@code last_seen} at most once a minute.
 */
@ApplicationScoped
public class ServerRegistry {
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Logger LOGGER = Logger.getLogger(ServerRegistry.class);

    /** A known server; {@code role} and {@code host} may be null when the announcing server did not say. */
    public record Registered(String id, String role, String host, String via, Instant lastSeen) {
    }

    private final Pool database;
    private final Map<String, Registered> known = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    public ServerRegistry(Pool database) {
        this.database = database;
    }

    /** Reads the table once (later calls do nothing). */
    public Uni<Void> load() {
        if (loaded) {
            return Uni.createFrom().voidItem();
        }
        return database.query("SELECT server_id, role, host, via, last_seen FROM server_registry").execute().invoke(rows -> {
            rows.forEach(row -> known.putIfAbsent(row.getString(0), new Registered(row.getString(0), row.getString(1), row.getString(2),
                    row.getString(3), row.getOffsetDateTime(4).toInstant())));
            loaded = true;
        }).replaceWithVoid();
    }

    /** What is known of {@code id}, if anything. */
    public java.util.Optional<Registered> get(String id) {
        return java.util.Optional.ofNullable(known.get(id));
    }

    /** Every known server, by id. */
    public List<Registered> all() {
        return known.values().stream().sorted(Comparator.comparing(Registered::id)).toList();
    }

    /** Records that {@code via} announced {@code id} (with the role and host given, null when not given). */
    void heard(String id, String role, String host, String via) {
        Instant now = Instant.now();
        Registered before = known.get(id);
        String keptRole = role != null ? role : before == null ? null : before.role();
        String keptHost = host != null ? host : before == null ? null : before.host();
        Registered after = new Registered(id, keptRole, keptHost, via, now);
        boolean changed = before == null || !Objects.equals(before.role(), keptRole) || !Objects.equals(before.host(), keptHost)
                || !before.via().equals(via);
        if (!changed && before.lastSeen().isAfter(now.minus(TOUCH_EVERY))) {
            return;
        }
        known.put(id, after);
        database.preparedQuery("INSERT INTO server_registry (server_id, role, host, via) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (server_id) DO UPDATE SET role = EXCLUDED.role, host = EXCLUDED.host, via = EXCLUDED.via, last_seen = now()")
                .execute(Tuple.of(id, keptRole, keptHost, via))
                .subscribe().with(done -> { }, failure -> LOGGER.warnv("Registry entry of {0} not stored: {1}", id, failure.getClass().getName()));
    }
}
