package io.stratum.core.chat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Creating chats and changing who is in them, their names and admins. Each change is an event in the
 * chat's log, committed with the change itself and published like a message ({@link ChatChanges}),
 * so members' clients learn of it live or on resume, in order with the messages. The avatar is
 * {@link ChatAvatars}'.
 */
@ApplicationScoped
public class Chats {
    public static final String PERSONAL = "personal";
    public static final String GROUP = "group";
    public static final String CHANNEL = "channel";

    private final Pool database;
    private final ChatEventPublisher publisher;
    private final MessagingConfig config;
    private final ChatFanout fanout;
    private final ChatChanges changes;
    private final String serverId;

    public Chats(Pool database, ChatEventPublisher publisher, MessagingConfig config, ChatFanout fanout, ChatChanges changes,
            ServerConfig server) {
        this.database = database;
        this.publisher = publisher;
        this.config = config;
        this.fanout = fanout;
        this.changes = changes;
        this.serverId = server.id();
    }

    /**
     * Creates a chat with the creator as its admin; this server is its home. Members are addresses
     * ({@link MemberAddress}): users of this server must exist, users of other servers are taken as
     * named and learn of the chat through its {@code created} event. A personal chat has exactly one
     * other member and exists once per pair: asking again returns the existing one (also when the
     * other user's server created it).
     */
    public Uni<UUID> create(UUID creator, String kind, String name, List<String> invited) {
        java.util.Map<UUID, MemberAddress> others = new java.util.LinkedHashMap<>();
        for (String address : invited == null ? List.<String>of() : invited) {
            MemberAddress member = MemberAddress.parse(address, serverId);
            if (!member.huid().equals(creator)) {
                others.put(member.huid(), member);
            }
        }
        String title = name == null ? "" : name.strip();
        switch (kind == null ? "" : kind) {
            case PERSONAL -> {
                if (others.size() != 1) {
                    throw ApiException.badRequest("members_invalid", "a personal chat has exactly one other member");
                }
            }
            case GROUP, CHANNEL -> {
                if (title.isEmpty() || title.length() > 100) {
                    throw ApiException.badRequest("name_invalid", "a group or channel needs a name of 1 to 100 characters");
                }
                if (others.size() + 1 > config.maxMembers()) {
                    throw ApiException.badRequest("too_many_members", "at most " + config.maxMembers() + " members");
                }
            }
            default -> throw ApiException.badRequest("kind_invalid", "kind must be personal, group or channel");
        }
        List<UUID> members = new ArrayList<>();
        members.add(creator);
        members.addAll(others.keySet());
        String[] servers = new String[members.size()];
        for (int i = 1; i < members.size(); i++) {
            servers[i] = others.get(members.get(i)).server();
        }
        String personalKey = PERSONAL.equals(kind) ? members.stream().map(UUID::toString).sorted().reduce((a, b) -> a + ":" + b).orElseThrow() : null;
        UUID chatId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        JsonObject meta = new JsonObject().put("chat_kind", kind).put("name", title).put("members", ids(members))
                .put("admins", new JsonArray().add(creator.toString()));
        ChatEvent created = new ChatEvent(chatId, 1, EventKind.CREATED, creator, null, null, null, null, meta, now);
        Set<UUID> local = new LinkedHashSet<>();
        others.values().stream().filter(MemberAddress::local).forEach(member -> local.add(member.huid()));
        boolean[] queued = {false};
        return database.withTransaction(connection -> requireUsers(connection, local)
                        .chain(() -> connection.preparedQuery("""
                                        INSERT INTO chat (id, kind, name, home_server, personal_key, created_by, last_seq)
                                        VALUES ($1, $2, $3, $4, $5, $6, 1) ON CONFLICT (personal_key) DO NOTHING RETURNING id""")
                                .execute(Tuple.tuple().addUUID(chatId).addString(kind).addString(title).addString(serverId).addString(personalKey)
                                        .addUUID(creator)))
                        .chain(rows -> {
                            if (!rows.iterator().hasNext()) {
                                return existingPersonal(connection, personalKey).map(id -> (Delivery) null);
                            }
                            return connection.preparedQuery("INSERT INTO chat_member (chat_id, huid, role, joined_seq, server) "
                                            + "SELECT $1, h, CASE WHEN h = $2 THEN 'admin' ELSE 'member' END, 0, s FROM unnest($3::uuid[], $4::text[]) AS x(h, s)")
                                    .execute(Tuple.of(chatId, creator, members.toArray(UUID[]::new), servers))
                                    .chain(() -> ChatEvents.insert(connection, List.of(created)))
                                    .chain(() -> fanout.queue(connection, List.of(created), java.util.Map.of()))
                                    .invoke(any -> queued[0] = any)
                                    .replaceWith(new Delivery(created, members));
                        }))
                .chain(delivery -> {
                    if (delivery == null) {
                        return database.preparedQuery("SELECT id FROM chat WHERE personal_key = $1").execute(Tuple.of(personalKey))
                                .map(rows -> rows.iterator().next().getUUID(0));
                    }
                    publisher.publish(List.of(delivery));
                    if (queued[0]) {
                        fanout.wake();
                    }
                    return Uni.createFrom().item(chatId);
                });
    }

    /** Adds members (admins of groups and channels only). */
    public Uni<ChatEvent> addMembers(UUID actor, UUID chatId, List<String> addresses) {
        return addMembers(actor, null, chatId, addresses);
    }

    /** Removes a member (admins only); the removed user is told too. */
    public Uni<ChatEvent> removeMember(UUID actor, UUID chatId, UUID removed) {
        return removeMember(actor, null, chatId, removed);
    }

    /** The caller leaves the chat. */
    public Uni<ChatEvent> leave(UUID actor, UUID chatId) {
        return leave(actor, null, chatId);
    }

    /** Renames a group or channel (admins only). */
    public Uni<ChatEvent> rename(UUID actor, UUID chatId, String name) {
        return rename(actor, null, chatId, name);
    }

    /** Makes a member an admin or takes it back (admins only). */
    public Uni<ChatEvent> setAdmin(UUID actor, UUID chatId, UUID member, boolean admin) {
        return setAdmin(actor, null, chatId, member, admin);
    }

    /**
     * Applies a {@code chat.command} that a member's server ({@code origin}) forwarded because this
     * server is the chat's home. The command is the JSON {@link RemoteCommands} sends.
     */
    Uni<ChatEvent> apply(String origin, JsonObject command) {
        UUID actor = UUID.fromString(command.getString("actor"));
        UUID chatId = UUID.fromString(command.getString("chat"));
        return switch (command.getString("op", "")) {
            case EventKind.MEMBERS_ADDED -> addMembers(actor, origin, chatId,
                    command.getJsonArray("members", new JsonArray()).stream().map(String::valueOf).toList());
            case EventKind.MEMBER_REMOVED -> removeMember(actor, origin, chatId, UUID.fromString(command.getString("member")));
            case EventKind.MEMBER_LEFT -> leave(actor, origin, chatId);
            case EventKind.RENAMED -> rename(actor, origin, chatId, command.getString("name"));
            case EventKind.ADMIN_CHANGED -> setAdmin(actor, origin, chatId, UUID.fromString(command.getString("member")),
                    command.getBoolean("admin", false));
            default -> throw ApiException.badRequest("unknown_command", "unknown chat command");
        };
    }

    private Uni<ChatEvent> addMembers(UUID actor, String origin, UUID chatId, List<String> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            throw ApiException.badRequest("members_invalid", "name at least one user to add");
        }
        List<MemberAddress> parsed = addresses.stream().map(address -> MemberAddress.parse(address, serverId)).distinct().toList();
        List<UUID> added = parsed.stream().map(MemberAddress::huid).toList();
        String[] addedServers = parsed.stream().map(MemberAddress::server).toArray(String[]::new);
        Set<UUID> local = new LinkedHashSet<>();
        parsed.stream().filter(MemberAddress::local).forEach(member -> local.add(member.huid()));
        // Forwarded to the home, each member as a full address (a bare HUID means a user of this server).
        JsonArray full = new JsonArray();
        parsed.forEach(member -> full.add(member.huid() + "@" + (member.local() ? serverId : member.server())));
        return changes.change(actor, origin, chatId, ChatChanges.Rule.ADMINS, command(EventKind.MEMBERS_ADDED).put("members", full),
                (connection, chat) -> requireUsers(connection, local)
                .chain(() -> connection.preparedQuery("SELECT count(*) FROM chat_member WHERE chat_id = $1").execute(Tuple.of(chatId)))
                .chain(count -> {
                    if (count.iterator().next().getLong(0) + added.size() > config.maxMembers()) {
                        throw ApiException.badRequest("too_many_members", "at most " + config.maxMembers() + " members");
                    }
                    long seq = chat.lastSeq() + 1;
                    return connection.preparedQuery("INSERT INTO chat_member (chat_id, huid, joined_seq, server) "
                                    + "SELECT $1, h, $2, s FROM unnest($3::uuid[], $4::text[]) AS x(h, s) ON CONFLICT DO NOTHING")
                            .execute(Tuple.of(chatId, seq - 1, added.toArray(UUID[]::new), addedServers))
                            .replaceWith(new ChatChanges.Change(EventKind.MEMBERS_ADDED, new JsonObject().put("members", ids(added))));
                }));
    }

    private Uni<ChatEvent> removeMember(UUID actor, String origin, UUID chatId, UUID removed) {
        JsonObject command = command(EventKind.MEMBER_REMOVED).put("member", removed.toString());
        return changes.change(actor, origin, chatId, ChatChanges.Rule.ADMINS, command,
                (connection, chat) -> connection.preparedQuery(
                        "DELETE FROM chat_member WHERE chat_id = $1 AND huid = $2 RETURNING huid, server").execute(Tuple.of(chatId, removed))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ApiException.notFound("not_a_member", "this user is not a member of the chat");
                    }
                    return new ChatChanges.Change(EventKind.MEMBER_REMOVED, new JsonObject().put("member", removed.toString()), List.of(removed),
                            rows.iterator().next().getString(1));
                }));
    }

    private Uni<ChatEvent> leave(UUID actor, String origin, UUID chatId) {
        return changes.change(actor, origin, chatId, ChatChanges.Rule.MEMBERS, command(EventKind.MEMBER_LEFT),
                (connection, chat) -> connection.preparedQuery(
                        "DELETE FROM chat_member WHERE chat_id = $1 AND huid = $2").execute(Tuple.of(chatId, actor))
                .replaceWith(new ChatChanges.Change(EventKind.MEMBER_LEFT, new JsonObject().put("member", actor.toString()), List.of(actor), origin)));
    }

    private Uni<ChatEvent> rename(UUID actor, String origin, UUID chatId, String name) {
        String title = name == null ? "" : name.strip();
        if (title.isEmpty() || title.length() > 100) {
            throw ApiException.badRequest("name_invalid", "the name must have 1 to 100 characters");
        }
        return changes.change(actor, origin, chatId, ChatChanges.Rule.ADMINS, command(EventKind.RENAMED).put("name", title),
                (connection, chat) -> connection.preparedQuery("UPDATE chat SET name = $2 WHERE id = $1")
                .execute(Tuple.of(chatId, title))
                .replaceWith(new ChatChanges.Change(EventKind.RENAMED, new JsonObject().put("name", title))));
    }

    private Uni<ChatEvent> setAdmin(UUID actor, String origin, UUID chatId, UUID member, boolean admin) {
        JsonObject command = command(EventKind.ADMIN_CHANGED).put("member", member.toString()).put("admin", admin);
        return changes.change(actor, origin, chatId, ChatChanges.Rule.ADMINS, command,
                (connection, chat) -> connection.preparedQuery(
                        "UPDATE chat_member SET role = $3 WHERE chat_id = $1 AND huid = $2 RETURNING huid")
                .execute(Tuple.of(chatId, member, admin ? "admin" : "member"))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ApiException.notFound("not_a_member", "this user is not a member of the chat");
                    }
                    return new ChatChanges.Change(EventKind.ADMIN_CHANGED, new JsonObject().put("member", member.toString()).put("admin", admin));
                }));
    }

    private static JsonObject command(String op) {
        return new JsonObject().put("op", op);
    }

    /** The chats a user is in, with where each log stands. */
    public Uni<List<ChatSummary>> list(UUID huid) {
        return database.preparedQuery("""
                        SELECT c.id, c.kind, c.name, c.home_server, c.last_seq, m.joined_seq, m.read_seq, m.role, c.avatar
                        FROM chat_member m JOIN chat c ON c.id = m.chat_id
                        WHERE m.huid = $1 AND c.deleted_at IS NULL ORDER BY c.created_at""")
                .execute(Tuple.of(huid))
                .map(rows -> {
                    List<ChatSummary> chats = new ArrayList<>();
                    for (Row row : rows) {
                        chats.add(new ChatSummary(row.getUUID(0), row.getString(1), row.getString(2), row.getString(8), row.getString(3),
                                row.getLong(4), row.getLong(5), row.getLong(6), row.getString(7), List.of()));
                    }
                    return chats;
                });
    }

    /** One chat with its members; 404 {@code no_such_chat} for non-members. */
    public Uni<ChatSummary> get(UUID huid, UUID chatId) {
        return database.preparedQuery("""
                        SELECT c.id, c.kind, c.name, c.home_server, c.last_seq, m.huid, m.role, m.joined_seq, m.delivered_seq, m.read_seq, c.avatar
                        FROM chat c JOIN chat_member m ON m.chat_id = c.id
                        WHERE c.id = $1 AND c.deleted_at IS NULL ORDER BY m.role, m.huid""")
                .execute(Tuple.of(chatId))
                .map(rows -> {
                    List<ChatSummary.Member> members = new ArrayList<>();
                    Row mine = null;
                    Row any = null;
                    for (Row row : rows) {
                        any = row;
                        members.add(new ChatSummary.Member(row.getUUID(5), row.getString(6), row.getLong(8), row.getLong(9)));
                        if (row.getUUID(5).equals(huid)) {
                            mine = row;
                        }
                    }
                    if (mine == null) {
                        throw ChatErrors.noSuchChat();
                    }
                    return new ChatSummary(any.getUUID(0), any.getString(1), any.getString(2), any.getString(10), any.getString(3), any.getLong(4),
                            mine.getLong(7), mine.getLong(9), mine.getString(6), members);
                });
    }

    private static Uni<Void> requireUsers(SqlConnection connection, Set<UUID> users) {
        if (users.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("SELECT count(*) FROM chat_user WHERE huid = ANY($1) AND status = 'active'")
                .execute(Tuple.of(users.toArray(UUID[]::new)))
                .map(rows -> {
                    if (rows.iterator().next().getLong(0) != users.size()) {
                        throw ApiException.badRequest("unknown_user", "every member must be an active user of this server");
                    }
                    return null;
                });
    }

    private static Uni<UUID> existingPersonal(SqlConnection connection, String personalKey) {
        return connection.preparedQuery("SELECT id FROM chat WHERE personal_key = $1").execute(Tuple.of(personalKey))
                .map(rows -> rows.iterator().next().getUUID(0));
    }

    private static JsonArray ids(java.util.Collection<UUID> users) {
        JsonArray array = new JsonArray();
        users.forEach(user -> array.add(user.toString()));
        return array;
    }
}
