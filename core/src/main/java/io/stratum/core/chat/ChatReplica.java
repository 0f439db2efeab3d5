package io.stratum.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * This server's copy of chats whose home is another server. Applies the home's {@code chat.event}
 * envelopes: creates the chat from the snapshot the first event carries, follows membership, name
 * and avatar changes, stores each event under the home's sequence number (a second copy of an event
 * changes nothing), and delivers new events to the local members like local ones. Events from a server that
 * is not the chat's home are ignored.
 */
@ApplicationScoped
public class ChatReplica {
    private static final Logger LOGGER = Logger.getLogger(ChatReplica.class);

    private final Pool database;
    private final ChatEventPublisher publisher;
    private final RemoteSends remoteSends;
    private final RemoteCommands remoteCommands;
    private final String ownId;

    public ChatReplica(Pool database, ChatEventPublisher publisher, RemoteSends remoteSends, RemoteCommands remoteCommands,
            ServerConfig server) {
        this.remoteCommands = remoteCommands;
        this.database = database;
        this.publisher = publisher;
        this.remoteSends = remoteSends;
        this.ownId = server.id();
    }

    /** Applies one event of the chat's home {@code origin}; see {@link io.stratum.core.federation.FederationInbox} for the contract. */
    public Uni<Void> apply(String origin, JsonObject payload) {
        return applyAll(List.of(new io.stratum.core.federation.FederationInbox.Incoming(origin, ChatFanout.EVENT, payload)));
    }

    /**
     * Applies several events, in order, in one transaction: runs of plain events (no chat snapshot, the
     * common case: messages) in a handful of statements for the whole run, events that change the
     * chat one by one.
     */
    public Uni<Void> applyAll(List<io.stratum.core.federation.FederationInbox.Incoming> events) {
        List<Delivery> deliveries = new ArrayList<>();
        return database.withTransaction(connection -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    List<Plain> run = new ArrayList<>();
                    for (io.stratum.core.federation.FederationInbox.Incoming incoming : events) {
                        Plain plain = Plain.of(incoming);
                        if (plain != null) {
                            run.add(plain);
                            continue;
                        }
                        if (!run.isEmpty()) {
                            List<Plain> these = List.copyOf(run);
                            run.clear();
                            chain = chain.chain(() -> storePlain(connection, these).invoke(deliveries::addAll).replaceWithVoid());
                        }
                        chain = chain.chain(() -> applyIn(connection, incoming.origin(), incoming.payload()).invoke(delivery -> {
                            if (delivery != null) {
                                deliveries.add(delivery);
                            }
                        }).replaceWithVoid());
                    }
                    if (!run.isEmpty()) {
                        List<Plain> these = List.copyOf(run);
                        chain = chain.chain(() -> storePlain(connection, these).invoke(deliveries::addAll).replaceWithVoid());
                    }
                    return chain;
                })
                .invoke(() -> {
                    publisher.publish(deliveries);
                    for (Delivery delivery : deliveries) {
                        remoteSends.confirmed(delivery.event());
                        remoteCommands.confirmed(delivery.event());
                    }
                });
    }

    /** A {@code chat.event} without a chat snapshot, from {@code origin}. */
    private record Plain(String origin, ChatEvent event) {
        static Plain of(io.stratum.core.federation.FederationInbox.Incoming incoming) {
            if (incoming.payload().getValue("chat") != null) {
                return null;
            }
            try {
                return new Plain(incoming.origin(), ChatEvent.fromJson(incoming.payload().getJsonObject("event")));
            } catch (RuntimeException e) {
                return null; // applyIn logs and ignores it
            }
        }
    }

    /**
     * Stores plain events of chats this server already has, whose home sent them, skipping those
     * stored before (or twice in the run); answers the deliveries to the local members.
     */
    private Uni<List<Delivery>> storePlain(SqlConnection connection, List<Plain> run) {
        UUID[] chats = run.stream().map(p -> p.event().chatId()).distinct().sorted().toArray(UUID[]::new);
        return connection.preparedQuery("SELECT id, home_server FROM chat WHERE id = ANY($1) ORDER BY id FOR UPDATE")
                .execute(Tuple.of((Object) chats))
                .chain(homes -> {
                    java.util.Map<UUID, String> homeOf = new java.util.HashMap<>();
                    homes.forEach(row -> homeOf.put(row.getUUID(0), row.getString(1)));
                    List<ChatEvent> candidates = new ArrayList<>();
                    for (Plain plain : run) {
                        String home = homeOf.get(plain.event().chatId());
                        if (home == null || !home.equals(plain.origin())) {
                            LOGGER.warnv("Event of chat {0} from {1}, which is not its home ({2}): ignored", plain.event().chatId(),
                                    plain.origin(), home);
                        } else {
                            candidates.add(plain.event());
                        }
                    }
                    if (candidates.isEmpty()) {
                        return Uni.createFrom().item(List.<Delivery>of());
                    }
                    return connection.preparedQuery("SELECT chat_id, seq FROM chat_event WHERE (chat_id, seq) IN "
                                    + "(SELECT * FROM unnest($1::uuid[], $2::bigint[]))")
                            .execute(Tuple.of(candidates.stream().map(ChatEvent::chatId).toArray(UUID[]::new),
                                    candidates.stream().map(ChatEvent::seq).toArray(Long[]::new)))
                            .chain(existing -> {
                                java.util.Set<String> seen = new java.util.HashSet<>();
                                existing.forEach(row -> seen.add(row.getUUID(0) + "/" + row.getLong(1)));
                                List<ChatEvent> fresh = candidates.stream().filter(e -> seen.add(e.chatId() + "/" + e.seq())).toList();
                                return fresh.isEmpty() ? Uni.createFrom().item(List.<Delivery>of()) : insertPlain(connection, fresh, homeOf);
                            });
                });
    }

    private Uni<List<Delivery>> insertPlain(SqlConnection connection, List<ChatEvent> fresh, java.util.Map<UUID, String> homeOf) {
        UUID[] chats = fresh.stream().map(ChatEvent::chatId).distinct().toArray(UUID[]::new);
        Uni<Void> files = Uni.createFrom().voidItem();
        for (ChatEvent event : fresh) {
            if (!RemoteAttachments.ids(event.meta()).isEmpty()) {
                files = files.chain(() -> RemoteAttachments.record(connection, event, homeOf.get(event.chatId()), ownId));
            }
        }
        return ChatEvents.insert(connection, fresh)
                .chain(() -> ChatEvents.applyChanges(connection, fresh))
                .chain(files::replaceWithVoid)
                .chain(() -> connection.preparedQuery("UPDATE chat SET last_seq = GREATEST(chat.last_seq, x.s) "
                                + "FROM (SELECT c, max(s) AS s FROM unnest($1::uuid[], $2::bigint[]) AS u(c, s) GROUP BY c) x WHERE chat.id = x.c")
                        .execute(Tuple.of(fresh.stream().map(ChatEvent::chatId).toArray(UUID[]::new), fresh.stream().map(ChatEvent::seq).toArray(Long[]::new))))
                .chain(() -> connection.preparedQuery("SELECT chat_id, huid FROM chat_member WHERE chat_id = ANY($1) AND server IS NULL")
                        .execute(Tuple.of((Object) chats)))
                .map(rows -> {
                    java.util.Map<UUID, List<UUID>> local = new java.util.HashMap<>();
                    rows.forEach(row -> local.computeIfAbsent(row.getUUID(0), c -> new ArrayList<>()).add(row.getUUID(1)));
                    List<Delivery> deliveries = new ArrayList<>();
                    for (ChatEvent event : fresh) {
                        deliveries.add(new Delivery(event, List.copyOf(local.getOrDefault(event.chatId(), List.of()))));
                    }
                    return deliveries;
                });
    }

    private Uni<Delivery> applyIn(SqlConnection connection, String origin, JsonObject payload) {
        ChatEvent event;
        JsonObject snapshot;
        try {
            snapshot = payload.getJsonObject("chat");
            event = ChatEvent.fromJson(payload.getJsonObject("event"));
        } catch (RuntimeException e) {
            LOGGER.warnv("Malformed chat.event from {0} ignored: {1}", origin, e.getClass().getSimpleName());
            return Uni.createFrom().nullItem();
        }
        return connection.preparedQuery("SELECT home_server FROM chat WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(event.chatId()))
                .chain(rows -> {
                    String home = rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null;
                    if (home != null && !home.equals(origin)) {
                        LOGGER.warnv("Event of chat {0} from {1}, which is not its home ({2}): ignored", event.chatId(), origin, home);
                        return Uni.createFrom().item((Delivery) null);
                    }
                    if (home == null && snapshot == null) {
                        LOGGER.warnv("Event of unknown chat {0} from {1} without a snapshot: ignored", event.chatId(), origin);
                        return Uni.createFrom().item((Delivery) null);
                    }
                    Uni<List<UUID>> members = home == null ? create(connection, origin, snapshot)
                            : snapshot == null ? Uni.createFrom().item(List.of()) : follow(connection, event, snapshot, origin);
                    return members.chain(gone -> store(connection, event, gone, origin));
                });
    }

    private Uni<List<UUID>> create(SqlConnection connection, String origin, JsonObject snapshot) {
        UUID chatId = UUID.fromString(snapshot.getString("id"));
        JsonArray members = snapshot.getJsonArray("members", new JsonArray());
        String kind = snapshot.getString("kind", Chats.GROUP);
        String personalKey = Chats.PERSONAL.equals(kind) ? members.stream().map(m -> ((JsonObject) m).getString("huid")).sorted()
                .reduce((a, b) -> a + ":" + b).orElse(null) : null;
        // If both servers made the pair's personal chat at once, the other one keeps the key here.
        return connection.preparedQuery("""
                        INSERT INTO chat (id, kind, name, home_server, personal_key, created_by, last_seq)
                        VALUES ($1, $2, $3, $4, CASE WHEN EXISTS (SELECT 1 FROM chat WHERE personal_key = $5) THEN NULL ELSE $5 END, $6, 0)""")
                .execute(Tuple.tuple().addUUID(chatId).addString(kind).addString(snapshot.getString("name", "")).addString(origin)
                        .addString(personalKey).addUUID(UUID.fromString(snapshot.getString("created_by"))))
                .chain(() -> members(connection, chatId, 0, members))
                .chain(() -> avatar(connection, chatId, snapshot, origin))
                .replaceWith(List.of());
    }

    /** Brings the members in line with the snapshot; returns the local users who are no longer members. */
    private Uni<List<UUID>> follow(SqlConnection connection, ChatEvent event, JsonObject snapshot, String home) {
        JsonArray members = snapshot.getJsonArray("members", new JsonArray());
        UUID[] huids = members.stream().map(m -> UUID.fromString(((JsonObject) m).getString("huid"))).toArray(UUID[]::new);
        return connection.preparedQuery("UPDATE chat SET name = $2 WHERE id = $1").execute(Tuple.of(event.chatId(), snapshot.getString("name", "")))
                .chain(() -> avatar(connection, event.chatId(), snapshot, home))
                .chain(() -> connection.preparedQuery("DELETE FROM chat_member WHERE chat_id = $1 AND NOT (huid = ANY($2)) RETURNING huid, server")
                        .execute(Tuple.of(event.chatId(), huids)))
                .chain(removed -> {
                    List<UUID> gone = new ArrayList<>();
                    for (Row row : removed) {
                        if (row.getString(1) == null) {
                            gone.add(row.getUUID(0));
                        }
                    }
                    return members(connection, event.chatId(), event.seq() - 1, members).replaceWith(gone);
                });
    }

    /**
     * Follows the snapshot's avatar: the image stays on the home (one of the chat's files), which
     * members here read through the trust ({@link RemoteAttachments}).
     */
    private static Uni<Void> avatar(SqlConnection connection, UUID chatId, JsonObject snapshot, String home) {
        String avatar = snapshot.getValue("avatar") instanceof String id && isUuid(id) ? id : null;
        Uni<Void> recorded = avatar == null || home == null ? Uni.createFrom().voidItem()
                : RemoteAttachments.record(connection, chatId, List.of(avatar), home, UUID.fromString(snapshot.getString("created_by")));
        return recorded.chain(() -> connection.preparedQuery("UPDATE chat SET avatar = $2 WHERE id = $1").execute(Tuple.of(chatId, avatar)))
                .replaceWithVoid();
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Uni<Void> members(SqlConnection connection, UUID chatId, long joinedSeq, JsonArray members) {
        List<UUID> huids = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        for (Object value : members) {
            JsonObject member = (JsonObject) value;
            huids.add(UUID.fromString(member.getString("huid")));
            roles.add("admin".equals(member.getString("role")) ? "admin" : "member");
            String server = member.getString("server");
            servers.add(server == null || server.equals(ownId) ? null : server);
        }
        return connection.preparedQuery("""
                        INSERT INTO chat_member (chat_id, huid, role, joined_seq, server)
                        SELECT $1, h, r, $2, s FROM unnest($3::uuid[], $4::text[], $5::text[]) AS x(h, r, s)
                        ON CONFLICT (chat_id, huid) DO UPDATE SET role = EXCLUDED.role, server = EXCLUDED.server""")
                .execute(Tuple.of(chatId, joinedSeq, huids.toArray(UUID[]::new), roles.toArray(String[]::new), servers.toArray(String[]::new)))
                .replaceWithVoid();
    }

    private Uni<Delivery> store(SqlConnection connection, ChatEvent event, List<UUID> gone, String home) {
        return connection.preparedQuery("SELECT 1 FROM chat_event WHERE chat_id = $1 AND seq = $2").execute(Tuple.of(event.chatId(), event.seq()))
                .chain(existing -> {
                    if (existing.iterator().hasNext()) {
                        return Uni.createFrom().item((Delivery) null);
                    }
                    return ChatEvents.insert(connection, List.of(event))
                            .chain(() -> ChatEvents.applyChanges(connection, List.of(event)))
                            .chain(() -> RemoteAttachments.record(connection, event, home, ownId))
                            .chain(() -> connection.preparedQuery("UPDATE chat SET last_seq = GREATEST(last_seq, $2) WHERE id = $1")
                                    .execute(Tuple.of(event.chatId(), event.seq())))
                            .chain(() -> connection.preparedQuery("SELECT huid FROM chat_member WHERE chat_id = $1 AND server IS NULL")
                                    .execute(Tuple.of(event.chatId())))
                            .map(rows -> {
                                List<UUID> recipients = new ArrayList<>(gone);
                                rows.forEach(row -> recipients.add(row.getUUID(0)));
                                return new Delivery(event, recipients);
                            });
                });
    }
}
