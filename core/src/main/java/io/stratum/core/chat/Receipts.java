package io.stratum.core.chat;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivery and read receipts: per member, the highest sequence number delivered to and read by
 * any of their devices. Stored (they only move forward) and signalled to the chat's members.
 */
@ApplicationScoped
public class Receipts {
    private final Pool database;
    private final ChatEventPublisher publisher;

    public Receipts(Pool database, ChatEventPublisher publisher) {
        this.database = database;
        this.publisher = publisher;
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
                + " FROM chat c WHERE c.id = m.chat_id AND m.chat_id = $1 AND m.huid = $2 RETURNING m." + column;
        return database.preparedQuery(sql).execute(Tuple.of(chatId, member, seq))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ChatErrors.noSuchChat();
                    }
                    long stored = rows.iterator().next().getLong(0);
                    return ChatEvents.members(database, List.of(chatId)).map(members -> {
                        publisher.signal(chatId, new JsonObject().put("type", "receipt").put("chat", chatId.toString())
                                .put("member", member.toString()).put(read ? "read_seq" : "delivered_seq", stored),
                                members.getOrDefault(chatId, List.of()));
                        return stored;
                    });
                });
    }

    /** Tells the other members that this one is typing. 404 for non-members. */
    public Uni<Void> typing(UUID member, UUID chatId) {
        return ChatEvents.members(database, List.of(chatId)).map(members -> {
            List<UUID> all = members.getOrDefault(chatId, List.of());
            if (!all.contains(member)) {
                throw ChatErrors.noSuchChat();
            }
            publisher.signal(chatId, new JsonObject().put("type", "typing").put("chat", chatId.toString()).put("member", member.toString()),
                    all.stream().filter(other -> !other.equals(member)).toList());
            return null;
        });
    }
}
