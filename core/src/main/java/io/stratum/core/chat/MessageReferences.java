package io.stratum.core.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a message refers to, checked so that members never see a reference that leads nowhere: a
 * {@code reply_to} names a message of the same chat, every mention is a member of it, and a
 * {@code forward} names a message its author can see in the source chat. The chat's home checks the
 * first two as it appends; the forward is checked by the author's own server, which alone knows what
 * its user may see (at the home as it appends, or before it forwards the send to another home).
 */
final class MessageReferences {
    /** Messages (not deleted) of chats not deleted, with the members who joined before them. */
    private static final String VISIBLE = "SELECT e.chat_id, e.seq, m.huid FROM chat_event e JOIN chat_member m ON m.chat_id = e.chat_id "
            + "JOIN chat c ON c.id = e.chat_id AND c.deleted_at IS NULL WHERE e.kind = 'message' AND e.body IS NOT NULL AND e.seq > m.joined_seq";

    private MessageReferences() {
    }

    /** Whether {@code append} refers to a message or to members (and so needs {@link #check}). */
    static boolean refers(Append append) {
        return append.meta() != null && (append.meta().containsKey("reply_to") || append.meta().containsKey("mentions")
                || forward(append) != null);
    }

    /**
     * Checks the replies and mentions of {@code appends} (messages of chats locked by the caller's
     * transaction); answers, for each, null or why it is refused.
     */
    static Uni<List<ApiException>> check(SqlClient connection, List<Append> appends) {
        List<UUID> replyChats = new ArrayList<>();
        List<Long> replySeqs = new ArrayList<>();
        List<UUID> mentionChats = new ArrayList<>();
        List<UUID> mentioned = new ArrayList<>();
        for (Append append : appends) {
            Long replyTo = replyTo(append.meta());
            if (replyTo != null) {
                replyChats.add(append.chatId());
                replySeqs.add(replyTo);
            }
            for (UUID member : mentions(append.meta())) {
                mentionChats.add(append.chatId());
                mentioned.add(member);
            }
        }
        Uni<Set<String>> messages = connection.preparedQuery("SELECT chat_id, seq FROM chat_event WHERE kind = 'message' AND (chat_id, seq) IN "
                        + "(SELECT * FROM unnest($1::uuid[], $2::bigint[]))")
                .execute(Tuple.of(replyChats.toArray(UUID[]::new), replySeqs.toArray(Long[]::new)))
                .map(rows -> {
                    Set<String> found = new HashSet<>();
                    rows.forEach(row -> found.add(row.getUUID(0) + "/" + row.getLong(1)));
                    return found;
                });
        Uni<Set<String>> members = connection.preparedQuery("SELECT chat_id, huid FROM chat_member WHERE (chat_id, huid) IN "
                        + "(SELECT * FROM unnest($1::uuid[], $2::uuid[]))")
                .execute(Tuple.of(mentionChats.toArray(UUID[]::new), mentioned.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<String> found = new HashSet<>();
                    rows.forEach(row -> found.add(row.getUUID(0) + "/" + row.getUUID(1)));
                    return found;
                });
        List<UUID> forwardChats = new ArrayList<>();
        List<Long> forwardSeqs = new ArrayList<>();
        List<UUID> forwarders = new ArrayList<>();
        for (Append append : appends) {
            JsonObject forward = forward(append);
            if (forward != null) {
                forwardChats.add(UUID.fromString(forward.getString("chat")));
                forwardSeqs.add(forward.getLong("seq"));
                forwarders.add(append.author());
            }
        }
        Uni<Set<String>> forwardable = forwardChats.isEmpty() ? Uni.createFrom().item(Set.of()) : connection.preparedQuery(VISIBLE
                        + " AND (e.chat_id, e.seq, m.huid) IN (SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::uuid[]))")
                .execute(Tuple.of(forwardChats.toArray(UUID[]::new), forwardSeqs.toArray(Long[]::new), forwarders.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<String> found = new HashSet<>();
                    rows.forEach(row -> found.add(row.getUUID(0) + "/" + row.getLong(1) + "/" + row.getUUID(2)));
                    return found;
                });
        return messages.chain(replies -> members.chain(memberships -> forwardable.map(forwards -> {
            List<ApiException> refusals = new ArrayList<>();
            for (Append append : appends) {
                Long replyTo = replyTo(append.meta());
                if (replyTo != null && !replies.contains(append.chatId() + "/" + replyTo)) {
                    refusals.add(ApiException.notFound("no_such_message", "reply_to names no message of this chat"));
                } else if (mentions(append.meta()).stream().anyMatch(member -> !memberships.contains(append.chatId() + "/" + member))) {
                    refusals.add(new ApiException(400, "invalid_field", "every mentioned user must be a member of the chat",
                            Map.of("field", "mentions")));
                } else if (forward(append) != null && !forwards.contains(forward(append).getString("chat") + "/"
                        + forward(append).getLong("seq") + "/" + append.author())) {
                    refusals.add(forwardRefused());
                } else {
                    refusals.add(null);
                }
            }
            return refusals;
        })));
    }

    /** Fails with 404 {@code no_such_message} unless the author (a user of this server) can see the message it forwards. */
    static Uni<Void> checkForward(SqlClient database, Append append) {
        JsonObject forward = forward(append);
        if (forward == null) {
            return Uni.createFrom().voidItem();
        }
        return database.preparedQuery(VISIBLE + " AND e.chat_id = $1 AND e.seq = $2 AND m.huid = $3")
                .execute(Tuple.of(UUID.fromString(forward.getString("chat")), forward.getLong("seq"), append.author()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw forwardRefused();
                    }
                    return null;
                });
    }

    /** The forward of a user of this server; a remote author's server checked it. */
    private static JsonObject forward(Append append) {
        return append.origin() == null && append.meta() != null ? append.meta().getJsonObject("forward") : null;
    }

    private static ApiException forwardRefused() {
        return ApiException.notFound("no_such_message", "forward names no message you can see");
    }

    /** The seq a message replies to; null when none, -1 (no message) when a remote server sent something else. */
    private static Long replyTo(JsonObject meta) {
        Object value = meta.getValue("reply_to");
        return value == null ? null : value instanceof Number number ? Long.valueOf(number.longValue()) : Long.valueOf(-1);
    }

    private static List<UUID> mentions(JsonObject meta) {
        List<UUID> mentions = new ArrayList<>();
        if (meta.getValue("mentions") instanceof JsonArray array) {
            for (Object value : array) {
                try {
                    mentions.add(UUID.fromString(String.valueOf(value)));
                } catch (IllegalArgumentException e) {
                    // ChatRequests refuses malformed ids; a remote server's are taken as naming no member
                    mentions.add(new UUID(0, 0));
                }
            }
        }
        return mentions;
    }
}
