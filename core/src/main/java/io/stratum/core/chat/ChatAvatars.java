package io.stratum.core.chat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The avatar of a group or channel: an image its admins set or clear, which every member may fetch.
 * The image is a {@code chat_file} of the chat (so only members may read it, also through the trusts),
 * named by {@code chat.avatar}; each change is an {@code avatar_changed} event in the chat's log. Only
 * the chat's home server changes it; a replaced image's object is deleted after the commit by whoever
 * observes {@link Replaced} (the file storage). Non-blocking.
 */
@ApplicationScoped
public class ChatAvatars {
    private static final ChatChanges.Rule RULE = new ChatChanges.Rule(true,
            "a personal chat has no avatar of its own; its members' own avatars are shown");

    private final Pool database;
    private final ChatChanges changes;
    private final Event<Replaced> replaced;
    private final String serverId;

    public ChatAvatars(Pool database, ChatChanges changes, Event<Replaced> replaced, ServerConfig server) {
        this.database = database;
        this.changes = changes;
        this.replaced = replaced;
        this.serverId = server.id();
    }

    /** An image stored for a chat's avatar: its new file id and what the file storage recorded. */
    public record Image(UUID file, String contentType, long size, String sha256, String storageKey, Instant storedAt) {
    }

    /** Fired after the commit that stopped using the stored object {@code storageKey}. */
    public record Replaced(String storageKey) {
    }

    /**
     * Fails unless {@code actor} may change the chat's avatar, before any byte of an image is read:
     * 404 {@code no_such_chat} (not a member), 400 {@code personal_chat}, 403 {@code not_admin},
     * 409 {@code chat_home_elsewhere} (the chat's home is another server).
     */
    public Uni<Void> mayChange(UUID actor, UUID chatId) {
        return database.preparedQuery("SELECT c.kind, c.home_server, m.role FROM chat c JOIN chat_member m ON m.chat_id = c.id "
                        + "AND m.huid = $2 AND m.server IS NULL WHERE c.id = $1 AND c.deleted_at IS NULL")
                .execute(Tuple.of(chatId, actor))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ChatErrors.noSuchChat();
                    }
                    var row = rows.iterator().next();
                    if (Chats.PERSONAL.equals(row.getString(0))) {
                        throw ApiException.badRequest("personal_chat", RULE.personalRefusal());
                    }
                    if (!"admin".equals(row.getString(2))) {
                        throw ApiException.forbidden("not_admin", "only the chat's admins may do this");
                    }
                    if (!serverId.equals(row.getString(1))) {
                        throw homeElsewhere(row.getString(1));
                    }
                    return null;
                });
    }

    /** Makes {@code image} the chat's avatar; answers the {@code avatar_changed} event. */
    public Uni<ChatEvent> set(UUID actor, UUID chatId, Image image) {
        JsonObject meta = new JsonObject().put("file", image.file().toString()).put("content_type", image.contentType())
                .put("size", image.size()).put("sha256", image.sha256());
        String[] previous = {null};
        return mayChange(actor, chatId).chain(() -> changes.changeHere(actor, chatId, RULE, (connection, chat) -> dropCurrent(connection, chatId)
                        .invoke(key -> previous[0] = key)
                        .chain(() -> connection.preparedQuery("INSERT INTO chat_file (id, chat_id, uploader, name, content_type, size, sha256, "
                                        + "storage_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                                .execute(Tuple.from(new Object[] {image.file(), chatId, actor, "avatar." + extension(image.contentType()),
                                        image.contentType(), image.size(), image.sha256(), image.storageKey(),
                                        image.storedAt().atOffset(ZoneOffset.UTC)})))
                        .chain(() -> connection.preparedQuery("UPDATE chat SET avatar = $2 WHERE id = $1").execute(Tuple.of(chatId, image.file().toString())))
                        .replaceWith(new ChatChanges.Change(EventKind.AVATAR_CHANGED, meta))))
                .invoke(() -> announceReplaced(previous[0]));
    }

    /** Removes the chat's avatar (404 {@code no_such_avatar} when it has none); answers the {@code avatar_changed} event. */
    public Uni<ChatEvent> clear(UUID actor, UUID chatId) {
        String[] previous = {null};
        return mayChange(actor, chatId).chain(() -> changes.changeHere(actor, chatId, RULE, (connection, chat) -> dropCurrent(connection, chatId)
                        .map(key -> {
                            if (key == null) {
                                throw noAvatar();
                            }
                            previous[0] = key;
                            return new ChatChanges.Change(EventKind.AVATAR_CHANGED, new JsonObject().putNull("file"));
                        })
                        .call(() -> connection.preparedQuery("UPDATE chat SET avatar = NULL WHERE id = $1").execute(Tuple.of(chatId)))))
                .invoke(() -> announceReplaced(previous[0]));
    }

    /**
     * The file id of the chat's avatar for one of its members: empty when the chat has none, 404
     * {@code no_such_chat} for anyone else. In a chat whose home is another server the image may still
     * be there; the file storage fetches it through the trust like any of the chat's files.
     */
    public Uni<Optional<UUID>> of(UUID member, UUID chatId) {
        return database.preparedQuery("SELECT c.avatar FROM chat c JOIN chat_member m ON m.chat_id = c.id AND m.huid = $2 "
                        + "WHERE c.id = $1 AND c.deleted_at IS NULL")
                .execute(Tuple.of(chatId, member))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ChatErrors.noSuchChat();
                    }
                    String avatar = rows.iterator().next().getString(0);
                    return avatar == null ? Optional.<UUID>empty() : Optional.of(UUID.fromString(avatar));
                });
    }

    public static ApiException noAvatar() {
        return ApiException.notFound("no_such_avatar", "the chat has no avatar");
    }

    /** Deletes the record of the chat's current avatar image, if any; answers its storage key (null when none). */
    private static Uni<String> dropCurrent(SqlConnection connection, UUID chatId) {
        return connection.preparedQuery("DELETE FROM chat_file f USING chat c WHERE c.id = $1 AND c.avatar IS NOT NULL "
                        + "AND f.id = c.avatar::uuid AND f.chat_id = c.id RETURNING f.storage_key")
                .execute(Tuple.of(chatId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    private void announceReplaced(String storageKey) {
        if (storageKey != null) {
            replaced.fire(new Replaced(storageKey));
        }
    }

    private static String extension(String contentType) {
        return contentType.substring(contentType.indexOf('/') + 1);
    }

    private static ApiException homeElsewhere(String home) {
        return new ApiException(409, "chat_home_elsewhere", "the avatar of a chat is changed on its home server (" + home
                + "); this server only shows it", java.util.Map.of("home_server", home));
    }
}
