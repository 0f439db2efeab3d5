package io.stratum.core.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads a chat's log for one of its members: pages forward from a sequence number (resume) or
 * backward before one (scrolling up). A member sees the events after they joined.
 */
@ApplicationScoped
public class ChatHistory {
    private final Pool database;
    private final MessagingConfig config;

    public ChatHistory(Pool database, MessagingConfig config) {
        this.database = database;
        this.config = config;
    }

    /** Events with seq greater than {@code after}, oldest first, at most {@code limit} (capped at the page size). */
    public Uni<List<ChatEvent>> after(UUID member, UUID chatId, long after, int limit) {
        return database.preparedQuery(ChatEvents.SELECT + " e WHERE chat_id = $1 AND seq > GREATEST($2, "
                        + "(SELECT joined_seq FROM chat_member WHERE chat_id = $1 AND huid = $3)) ORDER BY seq LIMIT $4")
                .execute(Tuple.of(chatId, after, member, capped(limit)))
                .map(ChatHistory::events);
    }

    /** Events with seq less than {@code before}, returned oldest first, at most {@code limit}. */
    public Uni<List<ChatEvent>> before(UUID member, UUID chatId, long before, int limit) {
        return database.preparedQuery(ChatEvents.SELECT + " e WHERE chat_id = $1 AND seq < $2 AND seq > "
                        + "(SELECT joined_seq FROM chat_member WHERE chat_id = $1 AND huid = $3) ORDER BY seq DESC LIMIT $4")
                .execute(Tuple.of(chatId, before, member, capped(limit)))
                .map(rows -> {
                    List<ChatEvent> events = events(rows);
                    Collections.reverse(events);
                    return events;
                });
    }

    private int capped(int limit) {
        return limit <= 0 ? config.pageSize() : Math.min(limit, config.pageSize());
    }

    private static List<ChatEvent> events(Iterable<Row> rows) {
        List<ChatEvent> events = new ArrayList<>();
        for (Row row : rows) {
            events.add(ChatEvents.from(row));
        }
        return events;
    }
}
