package io.stratum.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Where the bytes of a message's attachments live in a chat that spans servers: on the server of the
 * member who sent it. The home marks a remote member's message with {@value #FILES_SERVER} (its
 * author's server); a message without the mark has its files on the home. Each server records the
 * attachments another server keeps in {@code remote_file}, so that its members can download them
 * through it.
 */
final class RemoteAttachments {
    static final String FILES_SERVER = "files_server";

    private RemoteAttachments() {
    }

    static List<String> ids(JsonObject meta) {
        List<String> ids = new ArrayList<>();
        if (meta != null && meta.getValue("attachments") instanceof JsonArray attachments) {
            attachments.forEach(id -> ids.add(String.valueOf(id)));
        }
        return ids;
    }

    /** Records {@code event}'s attachments when a server other than {@code ownId} keeps them ({@code home} when unmarked). */
    static Uni<Void> record(SqlClient connection, ChatEvent event, String home, String ownId) {
        List<String> ids = ids(event.meta());
        String server = event.meta() == null ? home : event.meta().getString(FILES_SERVER, home);
        if (ids.isEmpty() || server == null || server.equals(ownId)) {
            return Uni.createFrom().voidItem();
        }
        return record(connection, event.chatId(), ids, server, event.author());
    }

    static Uni<Void> record(SqlClient connection, UUID chat, List<String> ids, String server, UUID uploader) {
        UUID[] files;
        try {
            files = ids.stream().map(UUID::fromString).toArray(UUID[]::new);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("INSERT INTO remote_file (id, chat_id, server, uploader) SELECT f, $2, $3, $4 FROM unnest($1::uuid[]) AS f "
                        + "ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.of(files, chat, server, uploader))
                .replaceWithVoid();
    }
}
