package io.stratum.core.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.federation.FederationQueue;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The home server's side of chats with members on other servers: every event the home commits is
 * queued, in the same transaction, as a {@code chat.event} envelope for each other server with
 * members in the chat. Events that change the chat itself (created, members, name, admins, avatar) carry a
 * snapshot of the chat, from which a replica creates or updates its copy.
 */
@ApplicationScoped
public class ChatFanout {
    public static final String EVENT = "chat.event";

    private final FederationQueue queue;
    private final String ownId;

    public ChatFanout(FederationQueue queue, ServerConfig server) {
        this.queue = queue;
        this.ownId = server.id();
    }

    /**
     * Queues the events for the member servers of their chats (and for {@code alsoTell}: servers of
     * members who just left or were removed). Returns whether anything was queued.
     */
    Uni<Boolean> queue(SqlClient connection, List<ChatEvent> events, Map<UUID, Set<String>> alsoTell) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        UUID[] chats = events.stream().map(ChatEvent::chatId).distinct().toArray(UUID[]::new);
        return connection.preparedQuery("SELECT DISTINCT chat_id, server FROM chat_member WHERE chat_id = ANY($1) AND server IS NOT NULL")
                .execute(Tuple.of(chats))
                .chain(rows -> {
                    Map<UUID, Set<String>> servers = new HashMap<>();
                    for (Row row : rows) {
                        servers.computeIfAbsent(row.getUUID(0), chat -> new LinkedHashSet<>()).add(row.getString(1));
                    }
                    alsoTell.forEach((chat, more) -> servers.computeIfAbsent(chat, c -> new LinkedHashSet<>()).addAll(more));
                    if (servers.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    List<UUID> changed = events.stream().filter(e -> servers.containsKey(e.chatId()) && changesChat(e.kind()))
                            .map(ChatEvent::chatId).distinct().toList();
                    return snapshots(connection, changed).chain(snapshots -> {
                        List<FederationQueue.Outgoing> outgoing = new ArrayList<>();
                        for (ChatEvent event : events) {
                            JsonObject payload = new JsonObject().put("event", event.toJson());
                            if (changesChat(event.kind())) {
                                payload.put("chat", snapshots.get(event.chatId()));
                            }
                            for (String server : servers.getOrDefault(event.chatId(), Set.of())) {
                                outgoing.add(new FederationQueue.Outgoing(server, EVENT, payload));
                            }
                        }
                        return queue.enqueue(connection, outgoing).replaceWith(!outgoing.isEmpty());
                    });
                });
    }

    /** Wakes the links after the commit of something {@link #queue} queued. */
    void wake() {
        queue.wake();
    }

    static boolean changesChat(String kind) {
        return !EventKind.MESSAGE.equals(kind) && !EventKind.EDIT.equals(kind) && !EventKind.DELETE.equals(kind);
    }

    private Uni<Map<UUID, JsonObject>> snapshots(SqlClient connection, List<UUID> chats) {
        if (chats.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery("""
                        SELECT c.id, c.kind, c.name, c.created_by, m.huid, m.server, m.role, c.avatar
                        FROM chat c JOIN chat_member m ON m.chat_id = c.id WHERE c.id = ANY($1) ORDER BY c.id, m.huid""")
                .execute(Tuple.of(chats.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, JsonObject> snapshots = new HashMap<>();
                    for (Row row : rows) {
                        JsonObject chat = snapshots.computeIfAbsent(row.getUUID(0), id -> new JsonObject().put("id", id.toString())
                                .put("kind", row.getString(1)).put("name", row.getString(2)).put("home", ownId)
                                .put("created_by", row.getUUID(3).toString()).put("avatar", row.getString(7)).put("members", new JsonArray()));
                        String server = row.getString(5);
                        chat.getJsonArray("members").add(new JsonObject().put("huid", row.getUUID(4).toString())
                                .put("server", server == null ? ownId : server).put("role", row.getString(6)));
                    }
                    return snapshots;
                });
    }
}
