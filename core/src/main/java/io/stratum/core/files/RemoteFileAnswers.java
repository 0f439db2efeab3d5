package io.stratum.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.federation.SignalAnswers;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Answers another server's {@code file.read}: one piece (at most {@link #PIECE} bytes from
 * {@code offset}) of a file this server keeps, with its name, type, size and SHA-256. A chat file
 * ({@code file} + {@code chat} + {@code member}) only when {@code member} is a member of that chat from
 * the asking server; a user's avatar ({@code avatar}: HUID) to any server, as to any user here.
 * Anything else is 404 {@code no_such_file}.
 */
@ApplicationScoped
public class RemoteFileAnswers implements SignalAnswers {
    public static final String READ = "file.read";
    static final int PIECE = 256 * 1024;

    private final Pool database;
    private final FileStore store;
    private final FileTransfers transfers;
    private final Avatars avatars;

    public RemoteFileAnswers(Pool database, FileStore store, FileTransfers transfers, Avatars avatars) {
        this.database = database;
        this.store = store;
        this.transfers = transfers;
        this.avatars = avatars;
    }

    @Override
    public String kind() {
        return READ;
    }

    @Override
    public Uni<JsonObject> answer(String origin, JsonObject question) {
        long offset = question.getValue("offset") instanceof Number n ? n.longValue() : -1;
        if (offset < 0) {
            return Uni.createFrom().failure(ApiException.badRequest("invalid_offset", "offset is a number of bytes from 0"));
        }
        Uni<Optional<FileRecord>> file;
        try {
            file = question.containsKey("avatar") ? avatars.of(UUID.fromString(question.getString("avatar")))
                    : chatFile(origin, UUID.fromString(question.getString("file")), UUID.fromString(question.getString("chat")),
                            UUID.fromString(question.getString("member")));
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(FileErrors.noSuchFile());
        }
        return file.map(found -> found.orElseThrow(FileErrors::noSuchFile)).chain(record -> piece(record, offset));
    }

    private Uni<Optional<FileRecord>> chatFile(String origin, UUID file, UUID chat, UUID member) {
        return database.preparedQuery("SELECT f.id, f.chat_id, f.uploader, f.name, f.content_type, f.size, f.sha256, f.storage_key, f.created_at "
                        + "FROM chat_file f JOIN chat_member m ON m.chat_id = f.chat_id AND m.huid = $3 AND m.server = $4 "
                        + "JOIN chat c ON c.id = f.chat_id AND c.deleted_at IS NULL WHERE f.id = $1 AND f.chat_id = $2")
                .execute(Tuple.of(file, chat, member, origin))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(FileRecords.from(rows.iterator().next())) : Optional.empty());
    }

    private Uni<JsonObject> piece(FileRecord record, long offset) {
        if (offset > record.size()) {
            return Uni.createFrom().failure(ApiException.badRequest("invalid_offset", "offset is past the end of the file"));
        }
        return Uni.createFrom().completionStage(() -> {
            try {
                return transfers.submit(() -> {
                    try (InputStream content = store.open(record.storageKey())) {
                        content.skipNBytes(offset);
                        return content.readNBytes((int) Math.min(PIECE, record.size() - offset));
                    }
                });
            } catch (RejectedExecutionException e) {
                throw FileErrors.busy();
            }
        }).onFailure().transform(failure -> {
            Throwable cause = failure.getCause() != null && !(failure instanceof ApiException) ? failure.getCause() : failure;
            if (cause instanceof ApiException) {
                return cause;
            }
            if (cause instanceof NoSuchFileException) {
                return new ApiException(410, "file_missing", "the file's contents are missing from the storage");
            }
            return cause instanceof IOException ? FileErrors.storageUnavailable() : cause;
        }).map(bytes -> new JsonObject().put("name", record.name()).put("content_type", record.contentType()).put("size", record.size())
                .put("sha256", record.sha256()).put("data", Base64.getEncoder().encodeToString(bytes)));
    }
}
