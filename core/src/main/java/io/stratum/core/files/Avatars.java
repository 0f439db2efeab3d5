package io.stratum.core.files;

import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The {@code user_avatar} table: one avatar per user, readable by every user of this server. */
@ApplicationScoped
public class Avatars {
    private final Pool database;

    public Avatars(Pool database) {
        this.database = database;
    }

    /** Sets the user's avatar; the storage key of the one it replaces, if any, for deletion. */
    public Uni<Optional<String>> replace(UUID huid, UploadPipeline.Stored stored) {
        return database.withTransaction(connection -> connection.preparedQuery("SELECT storage_key FROM user_avatar WHERE huid = $1 FOR UPDATE")
                .execute(Tuple.of(huid))
                .chain(rows -> {
                    Optional<String> previous = rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getString(0)) : Optional.empty();
                    return connection.preparedQuery("INSERT INTO user_avatar (huid, content_type, size, sha256, storage_key, updated_at) "
                                    + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (huid) DO UPDATE SET content_type = EXCLUDED.content_type, "
                                    + "size = EXCLUDED.size, sha256 = EXCLUDED.sha256, storage_key = EXCLUDED.storage_key, updated_at = EXCLUDED.updated_at")
                            .execute(Tuple.from(new Object[] {huid, stored.contentType(), stored.size(), stored.sha256(), stored.key(),
                                    stored.at().atOffset(ZoneOffset.UTC)}))
                            .replaceWith(previous);
                }));
    }

    /** The user's avatar as a downloadable file, if the user has one. */
    public Uni<Optional<FileRecord>> of(UUID huid) {
        return database.preparedQuery("SELECT content_type, size, sha256, storage_key, updated_at FROM user_avatar WHERE huid = $1")
                .execute(Tuple.of(huid))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    String extension = row.getString(0).substring(row.getString(0).indexOf('/') + 1);
                    return Optional.of(new FileRecord(huid, null, huid, "avatar." + extension, row.getString(0), row.getLong(1),
                            row.getString(2), row.getString(3), row.getOffsetDateTime(4).toInstant()));
                });
    }
}
