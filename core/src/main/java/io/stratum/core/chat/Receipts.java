package io.stratum.core.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivery and read receipts: per member, the highest sequence number delivered to and read by
 * any of their devices. Stored (they only move forward) and signalled to the chat's members.
 */
@ApplicationScoped
public class Receipts {
    private final Pool database;
    private final ChatEventPublisher publisher;
    private final RemoteReceipts remote;
    private final RemoteTyping remoteTyping;
    private final String ownId;

    public Receipts(Pool database, ChatEventPublisher publisher, RemoteReceipts remote, RemoteTyping remoteTyping,
            io.stratum.core.server.ServerConfig server) {
        this.remoteTyping = remoteTyping;
        this.ownId = server.id();
        this.database = database;
        this.publisher = publisher;
        this.remote = remote;
    }

    /**
     * Records that the member read (or received) the chat up to {@code seq}; returns the stored
     * value. 404 {@code no_such_chat} for non-members.
     */
    public Uni<Long> mark(UUID member, UUID chatId, long seq, boolean read) {
        String column = read ? "read_seq" : "delivered_seq";
        // Reading implies delivery; a pointer never moves back nor beyond the log.
        String sql = "UPDATE chat_member m SET " + column + " = GREATEST(m." + column + ", LEAST($3, c.last_seq))"
                + (read ? ", delivered_seq = GREATEST(m.delivered_seq, LEAST($3, c.last_seq))" : "")
                + " FROM chat c WHERE c.id = m.chat_id AND m.chat_id = $1 AND m.huid = $2 AND m.server IS NULL"
                + " RETURNING m." + column + ", m.delivered_seq, m.read_seq, c.home_server <> $4 OR EXISTS "
                + "(SELECT 1 FROM chat_member o WHERE o.chat_id = m.chat_id AND o.server IS NOT NULL)";
        return database.preparedQuery(sql).execute(Tuple.of(chatId, member, seq, ownId))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ChatErrors.noSuchChat();
                    }
                    Row row = rows.iterator().next();
                    long stored = row.getLong(0);
                    if (row.getBoolean(3)) {
                        remote.local(chatId, member, row.getLong(1), row.getLong(2));
                    }
                    return ChatEvents.members(database, List.of(chatId)).map(members -> {
                        publisher.signal(chatId, new JsonObject().put("type", "receipt").put("chat", chatId.toString())
                                .put("member", member.toString()).put(read ? "read_seq" : "delivered_seq", stored),
                                members.getOrDefault(chatId, List.of()));
                        return stored;
                    });
                });
    }

    /** Tells the other members, here and on other servers, that this one is typing. 404 for non-members. */
    public Uni<Void> typing(UUID member, UUID chatId) {
        return database.preparedQuery("SELECT huid, server FROM chat_member WHERE chat_id = $1").execute(Tuple.of(chatId)).map(rows -> {
            boolean isMember = false;
            List<UUID> localOthers = new ArrayList<>();
            Set<String> otherServers = new HashSet<>();
            for (Row row : rows) {
                UUID huid = row.getUUID(0);
                String server = row.getString(1);
                if (huid.equals(member)) {
                    isMember = server == null;
                } else if (server == null) {
                    localOthers.add(huid);
                } else {
                    otherServers.add(server);
                }
            }
            if (!isMember) {
                throw ChatErrors.noSuchChat();
            }
            publisher.signal(chatId, new JsonObject().put("type", "typing").put("chat", chatId.toString()).put("member", member.toString()),
                    localOthers);
            remoteTyping.tell(chatId, member, otherServers);
            return null;
        });
    }
}
