package io.stratum.core.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rule every attachment follows: it names a file uploaded to the chat it is sent to
 * ({@code chat_file}). Used where a message is numbered (the chat's home) and where a request leaves
 * for a remote home (the files stay on the sender's server, so they must be this server's).
 */
final class UploadedFiles {
    private UploadedFiles() {
    }

    /** Of the (chat, file) pairs asked, given as two lists of equal length, those uploaded, each as "chat/file". */
    static Uni<Set<String>> known(SqlClient client, List<UUID> chats, List<UUID> files) {
        return client.preparedQuery("SELECT chat_id, id FROM chat_file WHERE (chat_id, id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))")
                .execute(Tuple.of(chats.toArray(UUID[]::new), files.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getUUID(0) + "/" + row.getUUID(1)));
                    return known;
                });
    }

    /** 400 {@code invalid_attachment} for an attachment that is not a file uploaded to the chat. */
    static ApiException notUploaded(Object id) {
        return new ApiException(400, "invalid_attachment", "attachment " + id
                + " is not a file uploaded to this chat; upload it with POST /api/v1/chats/{chat}/files first", Map.of("field", "attachments"));
    }
}
