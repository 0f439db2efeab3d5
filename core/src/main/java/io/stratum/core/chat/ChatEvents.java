package io.stratum.core.chat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL shared by the writers and readers of chat logs. */
final class ChatEvents {
    static final String SELECT = "SELECT chat_id, seq, kind, author, client_id, target_seq, content_type, body, meta, created_at FROM chat_event";

    private ChatEvents() {
    }

    static ChatEvent from(Row row) {
        Object meta = row.getValue(8);
        return new ChatEvent(row.getUUID(0), row.getLong(1), row.getString(2), row.getUUID(3), row.getString(4), row.getLong(5),
                row.getString(6), row.getString(7), meta instanceof JsonObject json ? json : new JsonObject(),
                row.getOffsetDateTime(9).toInstant());
    }

    /** Inserts events and their outbox rows (the caller's transaction makes both durable together). */
    static Uni<Void> insert(SqlClient connection, List<ChatEvent> events) {
        UUID[] chats = events.stream().map(ChatEvent::chatId).toArray(UUID[]::new);
        Long[] seqs = events.stream().map(ChatEvent::seq).toArray(Long[]::new);
        Tuple values = Tuple.tuple(List.of(chats, seqs,
                events.stream().map(ChatEvent::kind).toArray(String[]::new),
                events.stream().map(ChatEvent::author).toArray(UUID[]::new),
                events.stream().map(ChatEvent::clientId).toArray(String[]::new),
                events.stream().map(ChatEvent::targetSeq).toArray(Long[]::new),
                events.stream().map(ChatEvent::contentType).toArray(String[]::new),
                events.stream().map(ChatEvent::body).toArray(String[]::new),
                events.stream().map(e -> e.meta().encode()).toArray(String[]::new),
                events.stream().map(e -> e.createdAt().atOffset(ZoneOffset.UTC)).toArray(java.time.OffsetDateTime[]::new)));
        return connection.preparedQuery("""
                        INSERT INTO chat_event (chat_id, seq, kind, author, client_id, target_seq, content_type, body, meta, created_at)
                        SELECT c, s, k, a, ci, t, ct, b, m::jsonb, at
                        FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::uuid[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[],
                          $10::timestamptz[]) AS x(c, s, k, a, ci, t, ct, b, m, at)""")
                .execute(values)
                .chain(() -> connection.preparedQuery("INSERT INTO chat_event_outbox (chat_id, seq) SELECT * FROM unnest($1::uuid[], $2::bigint[])")
                        .execute(Tuple.of(chats, seqs)))
                .replaceWithVoid();
    }

    /** The members of each chat. */
    static Uni<Map<UUID, List<UUID>>> members(SqlClient connection, List<UUID> chats) {
        return connection.preparedQuery("SELECT chat_id, huid FROM chat_member WHERE chat_id = ANY($1)")
                .execute(Tuple.of(chats.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, List<UUID>> members = new HashMap<>();
                    for (Row row : rows) {
                        members.computeIfAbsent(row.getUUID(0), chat -> new ArrayList<>()).add(row.getUUID(1));
                    }
                    return members;
                });
    }

    /** Applies the edits and deletions among {@code events} to their target messages. */
    static Uni<Void> applyChanges(SqlClient connection, List<ChatEvent> events) {
        List<Uni<Void>> steps = new ArrayList<>();
        List<ChatEvent> edits = events.stream().filter(e -> EventKind.EDIT.equals(e.kind())).toList();
        if (!edits.isEmpty()) {
            steps.add(connection.preparedQuery("UPDATE chat_event SET body = x.b, content_type = x.ct, edited_at = x.at "
                            + "FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::timestamptz[]) AS x(c, s, b, ct, at) "
                            + "WHERE chat_event.chat_id = x.c AND chat_event.seq = x.s")
                    .execute(Tuple.of(edits.stream().map(ChatEvent::chatId).toArray(UUID[]::new),
                            edits.stream().map(ChatEvent::targetSeq).toArray(Long[]::new),
                            edits.stream().map(ChatEvent::body).toArray(String[]::new),
                            edits.stream().map(ChatEvent::contentType).toArray(String[]::new),
                            edits.stream().map(e -> e.createdAt().atOffset(ZoneOffset.UTC)).toArray(java.time.OffsetDateTime[]::new)))
                    .replaceWithVoid());
        }
        List<ChatEvent> deletions = events.stream().filter(e -> EventKind.DELETE.equals(e.kind())).toList();
        if (!deletions.isEmpty()) {
            steps.add(connection.preparedQuery("UPDATE chat_event SET body = NULL, meta = meta || '{\"deleted\": true}' "
                            + "FROM unnest($1::uuid[], $2::bigint[]) AS x(c, s) WHERE chat_event.chat_id = x.c AND chat_event.seq = x.s")
                    .execute(Tuple.of(deletions.stream().map(ChatEvent::chatId).toArray(UUID[]::new),
                            deletions.stream().map(ChatEvent::targetSeq).toArray(Long[]::new))).replaceWithVoid());
        }
        return steps.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(steps).andFailFast().replaceWithVoid();
    }
}
