package io.stratum.core.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The home server of each chat (it never changes), cached for the most recently used 100,000 chats. */
@ApplicationScoped
public class ChatHomes {
    private static final int CACHED = 100_000;

    private final Pool database;
    private final Map<UUID, String> homes = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
            return size() > CACHED;
        }
    });

    public ChatHomes(Pool database) {
        this.database = database;
    }

    /** The chat's home server id, empty when this server has no such chat. */
    public Uni<Optional<String>> homeOf(UUID chat) {
        String known = homes.get(chat);
        if (known != null) {
            return Uni.createFrom().item(Optional.of(known));
        }
        return database.preparedQuery("SELECT home_server FROM chat WHERE id = $1").execute(Tuple.of(chat)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return Optional.empty();
            }
            String home = rows.iterator().next().getString(0);
            homes.put(chat, home);
            return Optional.of(home);
        });
    }
}
