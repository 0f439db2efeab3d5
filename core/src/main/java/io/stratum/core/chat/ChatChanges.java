package io.stratum.core.chat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * How a change of a chat itself (members, name, admins, avatar) is made: the chat row locked, the
 * actor's membership and role checked, the change applied and its event logged, queued for the other
 * member servers and published, all in one transaction. Non-blocking; the returned {@link Uni} completes
 * on whichever thread the database answered.
 */
@ApplicationScoped
public class ChatChanges {
    private final Pool database;
    private final ChatEventPublisher publisher;
    private final ChatFanout fanout;
    private final ChatHomes homes;
    private final RemoteCommands remoteCommands;
    private final String serverId;

    public ChatChanges(Pool database, ChatEventPublisher publisher, ChatFanout fanout, ChatHomes homes, RemoteCommands remoteCommands,
            ServerConfig server) {
        this.database = database;
        this.publisher = publisher;
        this.fanout = fanout;
        this.homes = homes;
        this.remoteCommands = remoteCommands;
        this.serverId = server.id();
    }

    /** What a change did, for its event; {@code alsoTellServer}: the server of a removed remote member. */
    record Change(String kind, JsonObject meta, List<UUID> alsoTell, String alsoTellServer) {
        Change(String kind, JsonObject meta) {
            this(kind, meta, List.of(), null);
        }
    }

    /** The locked chat row a change works on. */
    record LockedChat(UUID id, String kind, long lastSeq, String home) {
    }

    /** Who may make a change: admins only or any member, and the refusal for a personal chat. */
    record Rule(boolean adminOnly, String personalRefusal) {
        static final Rule ADMINS = new Rule(true, "the members of a personal chat do not change");
        static final Rule MEMBERS = new Rule(false, "the members of a personal chat do not change");
    }

    @FunctionalInterface
    interface Step {
        Uni<Change> apply(SqlConnection connection, LockedChat chat);
    }

    /**
     * Makes a change. {@code origin}: null for a user of this server, else the server a forwarded
     * command came from (the actor must be that server's member). A local user's change of a chat
     * whose home is another server is forwarded there as {@code command} ({@link RemoteCommands}).
     */
    Uni<ChatEvent> change(UUID actor, String origin, UUID chatId, Rule rule, JsonObject command, Step step) {
        return homes.homeOf(chatId).chain(home -> {
            if (home.isEmpty() || (origin != null && !home.get().equals(serverId))) {
                return Uni.createFrom().failure(ChatErrors.noSuchChat());
            }
            if (!home.get().equals(serverId)) {
                return remoteCommands.forward(actor, chatId, home.get(), command);
            }
            return changeHere(actor, origin, chatId, rule, step);
        });
    }

    /** Makes a change of a chat whose home is this server, for a user of this server. */
    Uni<ChatEvent> changeHere(UUID actor, UUID chatId, Rule rule, Step step) {
        return changeHere(actor, null, chatId, rule, step);
    }

    private Uni<ChatEvent> changeHere(UUID actor, String origin, UUID chatId, Rule rule, Step step) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return database.withTransaction(connection -> connection.preparedQuery("""
                        SELECT c.kind, c.last_seq, m.role, c.home_server FROM chat c JOIN chat_member m ON m.chat_id = c.id AND m.huid = $2
                        WHERE c.id = $1 AND c.deleted_at IS NULL AND m.server IS NOT DISTINCT FROM $3 FOR UPDATE OF c""")
                .execute(Tuple.of(chatId, actor, origin))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ChatErrors.noSuchChat();
                    }
                    Row row = rows.iterator().next();
                    LockedChat chat = new LockedChat(chatId, row.getString(0), row.getLong(1), row.getString(3));
                    if (Chats.PERSONAL.equals(chat.kind())) {
                        throw ApiException.badRequest("personal_chat", rule.personalRefusal());
                    }
                    if (rule.adminOnly() && !"admin".equals(row.getString(2))) {
                        throw ApiException.forbidden("not_admin", "only the chat's admins may do this");
                    }
                    return step.apply(connection, chat).chain(change -> log(connection, actor, chat, change, now));
                }))
                .invoke(delivery -> {
                    publisher.publish(List.of(delivery));
                    fanout.wake();
                })
                .map(Delivery::event);
    }

    private Uni<Delivery> log(SqlConnection connection, UUID actor, LockedChat chat, Change change, Instant now) {
        UUID chatId = chat.id();
        ChatEvent event = new ChatEvent(chatId, chat.lastSeq() + 1, change.kind(), actor, null, null, null, null, change.meta(), now);
        Map<UUID, Set<String>> alsoTellServers = change.alsoTellServer() == null ? Map.of() : Map.of(chatId, Set.of(change.alsoTellServer()));
        return connection.preparedQuery("UPDATE chat SET last_seq = $2 WHERE id = $1").execute(Tuple.of(chatId, event.seq()))
                .chain(() -> ChatEvents.insert(connection, List.of(event)))
                .chain(() -> fanout.queue(connection, List.of(event), alsoTellServers))
                .chain(() -> ChatEvents.members(connection, List.of(chatId)))
                .map(members -> {
                    List<UUID> recipients = new ArrayList<>(members.getOrDefault(chatId, List.of()));
                    change.alsoTell().stream().filter(u -> !recipients.contains(u)).forEach(recipients::add);
                    return new Delivery(event, recipients);
                });
    }
}
