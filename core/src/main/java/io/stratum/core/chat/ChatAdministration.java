package io.stratum.core.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Chats as administrators see them: kind, name, home server, routing kind, members, message count —
 * never a message body. Deleting a chat hides it from every member and refuses further sends; members
 * online get a {@code chat_deleted} signal. Non-blocking.
 */
@ApplicationScoped
public class ChatAdministration {
    private final Pool database;
    private final ChatEventPublisher publisher;
    private final String serverId;

    public ChatAdministration(Pool database, ChatEventPublisher publisher, ServerConfig server) {
        this.database = database;
        this.publisher = publisher;
        this.serverId = server.id();
    }

    /**
     * One chat in a list. {@code routing} is {@code corporate} when every member is a user of this
     * server, {@code mixed} otherwise (members on other servers arrive with trusts).
     */
    public record ChatInfo(String id, String kind, String name, String homeServer, String routing, long members, long messages,
            long lastSeq, Instant created) {
    }

    public record Member(String huid, String address, String email, String name, String role) {
    }

    public record ChatDetails(ChatInfo chat, List<Member> members) {
    }

    public record ChatPage(List<ChatInfo> chats, long total, int offset, int limit) {
    }

    private static final String INFO = """
            SELECT c.id, c.kind, c.name, c.home_server, c.last_seq, c.created_at,
                   (SELECT count(*) FROM chat_member m WHERE m.chat_id = c.id) AS members,
                   (SELECT count(*) FROM chat_event e WHERE e.chat_id = c.id AND e.kind = 'message') AS messages,
                   (SELECT count(*) FROM chat_member m LEFT JOIN chat_user u ON u.huid = m.huid WHERE m.chat_id = c.id AND u.huid IS NULL) AS foreign_members
            FROM chat c""";

    /**
     * Columns a chat list may be sorted by. Each names its SQL expression (an output column of the
     * chat query), so that an order is only ever one of these, never text from a request.
     */
    public enum SortBy {
        NAME("lower(c.name)"), KIND("c.kind"), MEMBERS("members"), MESSAGES("messages"), HOME("c.home_server"), CREATED("c.created_at");

        private final String column;

        SortBy(String column) {
            this.column = column;
        }
    }

    /** Chats whose name contains {@code query} (any case), or whose id or a member's e-mail is {@code query}; newest first. */
    public Uni<ChatPage> search(String query, int offset, int limit) {
        return search(query, SortBy.CREATED, true, offset, limit);
    }

    /**
     * Chats whose name contains {@code query} (any case), or whose id or a member's e-mail is
     * {@code query}, in the given order (then by id, so pages do not overlap).
     */
    public Uni<ChatPage> search(String query, SortBy sort, boolean descending, int offset, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " WHERE c.deleted_at IS NULL AND (lower(c.name) LIKE $1 OR c.id::text = $2 OR EXISTS (SELECT 1 FROM chat_member m "
                + "JOIN chat_user u ON u.huid = m.huid WHERE m.chat_id = c.id AND lower(u.email) = $2))";
        String order = " ORDER BY " + sort.column + (descending ? " DESC" : " ASC") + " NULLS LAST, c.id";
        int size = Math.max(1, Math.min(limit, 200));
        int from = Math.max(0, offset);
        return database.preparedQuery("SELECT count(*) FROM chat c" + where).execute(Tuple.of(pattern, q))
                .chain(count -> database.preparedQuery(INFO + where + order + " LIMIT $3 OFFSET $4")
                        .execute(Tuple.of(pattern, q, size, from))
                        .map(rows -> {
                            List<ChatInfo> page = new ArrayList<>();
                            rows.forEach(row -> page.add(info(row)));
                            return new ChatPage(page, count.iterator().next().getLong(0), from, size);
                        }));
    }

    /** A chat and its members; 404 {@code chat_not_found}. */
    public Uni<ChatDetails> details(UUID chatId) {
        return database.preparedQuery(INFO + " WHERE c.id = $1 AND c.deleted_at IS NULL").execute(Tuple.of(chatId)).chain(rows -> {
            if (!rows.iterator().hasNext()) {
                return Uni.createFrom().failure(notFound());
            }
            ChatInfo chat = info(rows.iterator().next());
            return database.preparedQuery("SELECT m.huid, u.email, u.name, m.role FROM chat_member m LEFT JOIN chat_user u ON u.huid = m.huid "
                            + "WHERE m.chat_id = $1 ORDER BY m.role, u.name, m.huid").execute(Tuple.of(chatId))
                    .map(memberRows -> {
                        List<Member> members = new ArrayList<>();
                        memberRows.forEach(row -> members.add(new Member(row.getUUID(0).toString(), row.getUUID(0) + "@" + serverId,
                                row.getString(1), row.getString(2), row.getString(3))));
                        return new ChatDetails(chat, members);
                    });
        });
    }

    /** Deletes a chat for everyone; answers what it was. */
    public Uni<ChatDetails> delete(UUID chatId) {
        return details(chatId).chain(details -> database.preparedQuery("UPDATE chat SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(chatId))
                .invoke(() -> publisher.signal(chatId, new JsonObject().put("type", "chat_deleted").put("chat", chatId.toString()),
                        details.members().stream().map(member -> UUID.fromString(member.huid())).toList()))
                .replaceWith(details));
    }

    private static ChatInfo info(Row row) {
        return new ChatInfo(row.getUUID("id").toString(), row.getString("kind"), row.getString("name"), row.getString("home_server"),
                row.getLong("foreign_members") == 0 ? "corporate" : "mixed", row.getLong("members"), row.getLong("messages"),
                row.getLong("last_seq"), row.getOffsetDateTime("created_at").toInstant());
    }

    private static ApiException notFound() {
        return ApiException.notFound("chat_not_found", "no such chat on this server");
    }
}
