package io.stratum.core.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.stratum.core.boot.Periodic;
import io.stratum.core.federation.FederationQueue;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivery and read receipts across servers ({@code chat.receipt}). A local member's receipt in a chat
 * that spans servers goes to the chat's home, and the home passes every receipt on to the other member
 * servers, which store it on their copy and signal it to their users. Receipts only move forward, so
 * they are coalesced per chat and member for half a second before they are queued: a burst of
 * deliveries becomes one envelope.
 */
@ApplicationScoped
public class RemoteReceipts {
    public static final String RECEIPT = "chat.receipt";
    private static final Logger LOGGER = Logger.getLogger(RemoteReceipts.class);

    private final Pool database;
    private final FederationQueue queue;
    private final ChatEventPublisher publisher;
    private final Periodic periodic;
    private final String ownId;
    private final Map<String, JsonObject> pending = new ConcurrentHashMap<>();

    public RemoteReceipts(Pool database, FederationQueue queue, ChatEventPublisher publisher, Periodic periodic, ServerConfig server) {
        this.database = database;
        this.queue = queue;
        this.publisher = publisher;
        this.periodic = periodic;
        this.ownId = server.id();
    }

    void onStart(@Observes StartupEvent event) {
        periodic.every(Duration.ofMillis(500), this::flush);
    }

    /** A local member's stored receipt: to be told to the other servers of the chat, if it has any. */
    void local(UUID chat, UUID member, long deliveredSeq, long readSeq) {
        pending.merge(chat + "/" + member, receipt(chat, member, deliveredSeq, readSeq), RemoteReceipts::later);
    }

    /** A receipt from {@code origin}: stored if it comes from the member's server or the chat's home; the home passes it on. */
    public Uni<Void> apply(String origin, JsonObject payload) {
        UUID chat;
        UUID member;
        try {
            chat = UUID.fromString(payload.getString("chat"));
            member = UUID.fromString(payload.getString("member"));
        } catch (RuntimeException e) {
            LOGGER.warnv("Malformed chat.receipt from {0} ignored", origin);
            return Uni.createFrom().voidItem();
        }
        long delivered = payload.getLong("delivered_seq", 0L);
        long read = payload.getLong("read_seq", 0L);
        return database.withTransaction(connection -> connection.preparedQuery("""
                        UPDATE chat_member m SET delivered_seq = GREATEST(m.delivered_seq, LEAST($3, c.last_seq)),
                            read_seq = GREATEST(m.read_seq, LEAST($4, c.last_seq))
                        FROM chat c WHERE c.id = m.chat_id AND m.chat_id = $1 AND m.huid = $2 AND (m.server = $5 OR c.home_server = $5)
                        RETURNING m.delivered_seq, m.read_seq, c.home_server""")
                        .execute(Tuple.of(chat, member, delivered, read, origin))
                        .chain(rows -> {
                            if (!rows.iterator().hasNext()) {
                                return Uni.createFrom().item((Row) null);
                            }
                            Row stored = rows.iterator().next();
                            if (!ownId.equals(stored.getString(2))) {
                                return Uni.createFrom().item(stored);
                            }
                            // The home passes it on to the other member servers.
                            return connection.preparedQuery("SELECT DISTINCT server FROM chat_member WHERE chat_id = $1 AND server IS NOT NULL AND server <> $2")
                                    .execute(Tuple.of(chat, origin))
                                    .chain(servers -> {
                                        List<FederationQueue.Outgoing> outgoing = new ArrayList<>();
                                        servers.forEach(server -> outgoing.add(new FederationQueue.Outgoing(server.getString(0), RECEIPT,
                                                receipt(chat, member, stored.getLong(0), stored.getLong(1)))));
                                        return queue.enqueue(connection, outgoing);
                                    })
                                    .replaceWith(stored);
                        }))
                .chain(stored -> {
                    if (stored == null) {
                        return Uni.createFrom().voidItem();
                    }
                    queue.wake();
                    return ChatEvents.members(database, List.of(chat)).invoke(members -> publisher.signal(chat, new JsonObject()
                            .put("type", "receipt").put("chat", chat.toString()).put("member", member.toString())
                            .put("delivered_seq", stored.getLong(0)).put("read_seq", stored.getLong(1)), members.getOrDefault(chat, List.of())))
                            .replaceWithVoid();
                });
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<JsonObject> receipts = new ArrayList<>();
        for (String key : List.copyOf(pending.keySet())) {
            JsonObject receipt = pending.remove(key);
            if (receipt != null) {
                receipts.add(receipt);
            }
        }
        UUID[] chats = receipts.stream().map(r -> UUID.fromString(r.getString("chat"))).distinct().toArray(UUID[]::new);
        database.withTransaction(connection -> connection.preparedQuery("""
                        SELECT c.id, c.home_server, m.server FROM chat c LEFT JOIN chat_member m ON m.chat_id = c.id AND m.server IS NOT NULL
                        WHERE c.id = ANY($1)""")
                        .execute(Tuple.of((Object) chats))
                        .chain(rows -> {
                            Map<String, List<String>> destinations = new ConcurrentHashMap<>();
                            for (Row row : rows) {
                                String chat = row.getUUID(0).toString();
                                List<String> to = destinations.computeIfAbsent(chat, c -> new ArrayList<>());
                                String home = row.getString(1);
                                String target = ownId.equals(home) ? row.getString(2) : home;
                                if (target != null && !to.contains(target)) {
                                    to.add(target);
                                }
                            }
                            List<FederationQueue.Outgoing> outgoing = new ArrayList<>();
                            for (JsonObject receipt : receipts) {
                                for (String server : destinations.getOrDefault(receipt.getString("chat"), List.of())) {
                                    outgoing.add(new FederationQueue.Outgoing(server, RECEIPT, receipt));
                                }
                            }
                            return queue.enqueue(connection, outgoing).replaceWith(!outgoing.isEmpty());
                        }))
                .subscribe().with(queued -> {
                    if (queued) {
                        queue.wake();
                    }
                }, failure -> LOGGER.warnv("Receipts for other servers not queued: {0}", failure.getClass().getName()));
    }

    private static JsonObject receipt(UUID chat, UUID member, long deliveredSeq, long readSeq) {
        return new JsonObject().put("chat", chat.toString()).put("member", member.toString()).put("delivered_seq", deliveredSeq)
                .put("read_seq", readSeq);
    }

    private static JsonObject later(JsonObject a, JsonObject b) {
        return new JsonObject().put("chat", a.getString("chat")).put("member", a.getString("member"))
                .put("delivered_seq", Math.max(a.getLong("delivered_seq"), b.getLong("delivered_seq")))
                .put("read_seq", Math.max(a.getLong("read_seq"), b.getLong("read_seq")));
    }
}
