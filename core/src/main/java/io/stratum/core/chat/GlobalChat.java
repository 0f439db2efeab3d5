package io.stratum.core.chat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The server's global chat (the reference product's "notifications bot"): a read-only channel
 * named "Notifications" whose only admin is the server's notifications bot and whose members are all
 * active users of this server. An administrator's post enrols every active user who is not a member
 * yet (they see every earlier post too), then appends the message as the bot through the ordinary
 * {@link ChatLog}: sequence numbers, durability, live delivery and resume work as in any chat.
 * The chat and the bot have ids derived from the server id, so every instance agrees on them.
 */
@ApplicationScoped
public class GlobalChat {
    static final String NAME = "Notifications";

    private final Pool database;
    private final ChatLog log;
    private final MessagingConfig config;
    private final String serverId;
    private final UUID chatId;
    private final UUID bot;

    public GlobalChat(Pool database, ChatLog log, MessagingConfig config, ServerConfig server) {
        this.database = database;
        this.log = log;
        this.config = config;
        this.serverId = server.id();
        this.chatId = UUID.nameUUIDFromBytes(("global-chat:" + serverId).getBytes(StandardCharsets.UTF_8));
        this.bot = UUID.nameUUIDFromBytes(("notifications-bot:" + serverId).getBytes(StandardCharsets.UTF_8));
    }

    /** What a post did. */
    public record Posted(UUID chatId, long seq, long members) {
    }

    public UUID chatId() {
        return chatId;
    }

    /** The notifications bot's HUID (author of every post). */
    public UUID bot() {
        return bot;
    }

    /**
     * Posts plain text to every active user; {@code clientId} makes a retried post idempotent.
     * Fails with 400 {@code body_empty} or 413 {@code body_too_large}.
     */
    public Uni<Posted> post(String text, String clientId) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw ApiException.badRequest("body_empty", "write the message to send to all users");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > config.maxBodyBytes()) {
            throw new ApiException(413, "body_too_large", "the message exceeds " + config.maxBodyBytes() + " bytes");
        }
        return enrolEveryone()
                .chain(members -> log.append(new Append(chatId, bot, EventKind.MESSAGE, clientId, null, "text/plain", body, new JsonObject()))
                        .map(appended -> new Posted(chatId, appended.event().seq(), members)));
    }

    /** Creates the bot and the channel when missing and adds every active user; answers the member count (without the bot). */
    private Uni<Long> enrolEveryone() {
        return database.withTransaction(connection -> connection.preparedQuery(
                        "INSERT INTO chat_user (huid, name, source) VALUES ($1, $2, 'system') ON CONFLICT DO NOTHING")
                .execute(Tuple.of(bot, NAME))
                .chain(() -> connection.preparedQuery("INSERT INTO chat (id, kind, name, home_server, created_by, last_seq) "
                        + "VALUES ($1, 'channel', $2, $3, $4, 0) ON CONFLICT DO NOTHING").execute(Tuple.of(chatId, NAME, serverId, bot)))
                .chain(() -> connection.preparedQuery("INSERT INTO chat_member (chat_id, huid, role, joined_seq) VALUES ($1, $2, 'admin', 0) "
                        + "ON CONFLICT DO NOTHING").execute(Tuple.of(chatId, bot)))
                .chain(() -> connection.preparedQuery("INSERT INTO chat_member (chat_id, huid, role, joined_seq) "
                        + "SELECT $1, huid, 'member', 0 FROM chat_user WHERE status = 'active' AND source <> 'system' ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(chatId)))
                .chain(() -> connection.preparedQuery("SELECT count(*) FROM chat_member WHERE chat_id = $1 AND huid <> $2")
                        .execute(Tuple.of(chatId, bot)))
                .map(rows -> rows.iterator().next().getLong(0)));
    }
}
