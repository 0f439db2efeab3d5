package io.stratum.core.files;

import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The {@code chat_file} table, and the membership questions that decide who may upload and read. */
@ApplicationScoped
public class FileRecords {
    private final Pool database;

    public FileRecords(Pool database) {
        this.database = database;
    }

    /** Whether {@code huid} is a member of the (not deleted) chat. */
    public Uni<Boolean> isMember(UUID chatId, UUID huid) {
        return database.preparedQuery("SELECT 1 FROM chat_member m JOIN chat c ON c.id = m.chat_id "
                        + "WHERE m.chat_id = $1 AND m.huid = $2 AND c.deleted_at IS NULL")
                .execute(Tuple.of(chatId, huid)).map(rows -> rows.iterator().hasNext());
    }

    private static final String INSERT = "INSERT INTO chat_file (id, chat_id, uploader, name, content_type, size, sha256, storage_key, created_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    /** Records a file; fails if one with the same id exists. */
    public Uni<Void> insert(FileRecord file) {
        return database.preparedQuery(INSERT).execute(values(file)).replaceWithVoid();
    }

    /** Records a file unless one with the same id exists (a copy of another server's file, fetched by concurrent readers). */
    public Uni<Void> insertIfAbsent(FileRecord file) {
        return database.preparedQuery(INSERT + " ON CONFLICT (id) DO NOTHING").execute(values(file)).replaceWithVoid();
    }

    private static Tuple values(FileRecord file) {
        return Tuple.from(new Object[] {file.id(), file.chatId(), file.uploader(), file.name(), file.contentType(), file.size(),
                file.sha256(), file.storageKey(), file.createdAt().atOffset(ZoneOffset.UTC)});
    }

    /** The file when {@code huid} is a member of the chat it was sent to; empty otherwise (unknown or not allowed alike). */
    public Uni<Optional<FileRecord>> readableBy(UUID fileId, UUID huid) {
        return database.preparedQuery("SELECT f.id, f.chat_id, f.uploader, f.name, f.content_type, f.size, f.sha256, f.storage_key, f.created_at "
                        + "FROM chat_file f JOIN chat_member m ON m.chat_id = f.chat_id AND m.huid = $2 "
                        + "JOIN chat c ON c.id = f.chat_id AND c.deleted_at IS NULL WHERE f.id = $1")
                .execute(Tuple.of(fileId, huid))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(from(rows.iterator().next())) : Optional.empty());
    }

    static FileRecord from(Row row) {
        return new FileRecord(row.getUUID(0), row.getUUID(1), row.getUUID(2), row.getString(3), row.getString(4), row.getLong(5),
                row.getString(6), row.getString(7), row.getOffsetDateTime(8).toInstant());
    }
}
