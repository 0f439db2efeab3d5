package io.stratum.trusts.routing;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The public signing keys of other servers (table {@code server_key}), with which envelopes are
 * checked. A server's own announcement over a direct link always sets its key; a key vouched for by
 * a relay is taken only for a server whose key is not known yet. Keys are kept after the routes that
 * announced them are gone, so envelopes still queued somewhere can be checked when they arrive.
 */
@ApplicationScoped
public class ServerKeys {
    private static final Logger LOGGER = Logger.getLogger(ServerKeys.class);
    static final String DIRECT = "direct";

    private final Pool database;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private volatile Uni<Void> loaded;

    public ServerKeys(Pool database) {
        this.database = database;
    }

    /** Reads the stored keys once (again after a failure). */
    public synchronized Uni<Void> load() {
        if (loaded == null) {
            loaded = database.query("SELECT server_id, public_key FROM server_key").execute()
                    .invoke(rows -> {
                        for (Row row : rows) {
                            keys.putIfAbsent(row.getString(0), row.getBuffer(1).getBytes());
                        }
                    })
                    .replaceWithVoid()
                    .onFailure().invoke(failure -> loaded = null)
                    .memoize().indefinitely();
        }
        return loaded;
    }

    public Optional<byte[]> key(String serverId) {
        return Optional.ofNullable(keys.get(serverId));
    }

    /**
     * Learns a key announced by {@code serverId} itself ({@code via} = {@link #DIRECT}) or vouched
     * for by the relay {@code via}.
     */
    public boolean learn(String serverId, byte[] key, String via) {
        byte[] known = keys.get(serverId);
        if (known != null && (Arrays.equals(known, key) || !DIRECT.equals(via))) {
            if (!Arrays.equals(known, key)) {
                LOGGER.warnv("Relay {0} announces another key for {1} than the one known: the known key stays", via, serverId);
            }
            return false;
        }
        keys.put(serverId, key);
        database.preparedQuery("INSERT INTO server_key (server_id, public_key, learned_via) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (server_id) DO UPDATE SET public_key = EXCLUDED.public_key, learned_via = EXCLUDED.learned_via, updated_at = now()")
                .execute(Tuple.of(serverId, Buffer.buffer(key), via))
                .subscribe().with(done -> { }, failure -> LOGGER.warnv("Key of {0} not stored: {1}", serverId, failure.getClass().getName()));
        return true;
    }

    /** Every key known, by server id. */
    public Map<String, byte[]> all() {
        return Map.copyOf(keys);
    }
}
