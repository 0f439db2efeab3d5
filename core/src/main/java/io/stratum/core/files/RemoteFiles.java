package io.stratum.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.stratum.core.api.ApiException;
import io.stratum.core.federation.FederationSignals;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Files and avatars that another server keeps, fetched through the trusts ({@code file.read}, piece by
 * piece) so that a client only ever talks to its own server. A chat file is fetched once, checked
 * against its size and SHA-256, and kept here as an ordinary {@code chat_file} of the chat: later
 * downloads are local. An avatar is kept for {@link #AVATAR_FRESH} and then fetched again.
 */
@ApplicationScoped
public class RemoteFiles {
    static final Duration PIECE_TIMEOUT = Duration.ofSeconds(15);
    static final Duration AVATAR_FRESH = Duration.ofMinutes(10);
    private static final Logger LOGGER = Logger.getLogger(RemoteFiles.class);

    private final Pool database;
    private final FederationSignals signals;
    private final FileStore store;
    private final FileRecords records;
    private final FilesConfig config;
    private final Map<String, CompletableFuture<FileRecord>> fetching = new ConcurrentHashMap<>();
    private final Map<String, FileRecord> avatars = new ConcurrentHashMap<>();

    public RemoteFiles(Pool database, FederationSignals signals, FileStore store, FileRecords records, FilesConfig config) {
        this.database = database;
        this.signals = signals;
        this.store = store;
        this.records = records;
        this.config = config;
    }

    /**
     * The file when {@code huid} is a member of the chat it was sent to and another server keeps it:
     * fetched now if this server has no copy yet. Empty when no such file is known here.
     */
    Uni<Optional<FileRecord>> chatFile(UUID fileId, UUID huid) {
        return database.preparedQuery("SELECT r.chat_id, r.server, r.uploader FROM remote_file r "
                        + "JOIN chat_member m ON m.chat_id = r.chat_id AND m.huid = $2 JOIN chat c ON c.id = r.chat_id AND c.deleted_at IS NULL "
                        + "WHERE r.id = $1")
                .execute(Tuple.of(fileId, huid))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<FileRecord>empty());
                    }
                    UUID chat = rows.iterator().next().getUUID(0);
                    String server = rows.iterator().next().getString(1);
                    UUID uploader = rows.iterator().next().getUUID(2);
                    JsonObject question = new JsonObject().put("file", fileId.toString()).put("chat", chat.toString()).put("member", huid.toString());
                    return once("file/" + fileId, () -> fetch(server, question, chat + "/" + fileId, config.maxSize())
                            .map(got -> new FileRecord(fileId, chat, uploader, got.name(), got.contentType(), got.size(), got.sha256(),
                                    chat + "/" + fileId, Instant.now().truncatedTo(ChronoUnit.MICROS)))
                            .call(records::insertIfAbsent)
                            .chain(() -> records.readableBy(fileId, huid).map(Optional::orElseThrow)))
                            .map(Optional::of);
                });
    }

    /** The avatar of a user of {@code server}; empty when the user has none. */
    Uni<Optional<FileRecord>> avatar(UUID huid, String server) {
        String address = huid + "@" + server;
        FileRecord cached = avatars.get(address);
        if (cached != null && cached.createdAt().isAfter(Instant.now().minus(AVATAR_FRESH))) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        String key = "remote-avatars/" + server + "/" + huid + "/" + UUID.randomUUID();
        return once("avatar/" + address, () -> fetch(server, new JsonObject().put("avatar", huid.toString()), key, config.maxAvatarSize())
                        .map(got -> new FileRecord(huid, null, huid, got.name(), got.contentType(), got.size(), got.sha256(), key, Instant.now())))
                .invoke(fresh -> {
                    FileRecord older = avatars.put(address, fresh);
                    if (older != null) {
                        Infrastructure.getDefaultWorkerPool().execute(() -> deleteQuietly(older.storageKey()));
                    }
                })
                .map(Optional::of)
                .onFailure(failure -> failure instanceof ApiException e && e.status() == 404).recoverWithItem(Optional.empty());
    }

    /** Runs {@code fetch} once for concurrent callers asking for the same thing. */
    private Uni<FileRecord> once(String what, java.util.function.Supplier<Uni<FileRecord>> fetch) {
        CompletableFuture<FileRecord> mine = new CompletableFuture<>();
        CompletableFuture<FileRecord> running = fetching.putIfAbsent(what, mine);
        if (running != null) {
            return Uni.createFrom().completionStage(running.copy());
        }
        fetch.get().subscribe().with(mine::complete, mine::completeExceptionally);
        mine.whenComplete((file, failure) -> fetching.remove(what, mine));
        // Copies: a caller that goes away cancels its copy, not the fetch the others wait for.
        return Uni.createFrom().completionStage(mine.copy());
    }

    /** What a fetch brought: the piece headers' name, type, size and SHA-256. */
    private record Fetched(String name, String contentType, long size, String sha256) {
    }

    /** A fetch in progress: the temporary file and the digest of what it holds. */
    private static final class Download {
        final Path temp;
        final MessageDigest digest;
        long received;
        JsonObject head;

        Download() throws IOException {
            temp = Files.createTempFile("stratum-remote-", ".part");
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Fetches the whole file piece by piece into a temporary file, checks it, and stores it under {@code key}. */
    private Uni<Fetched> fetch(String server, JsonObject question, String key, long limit) {
        return blocking(Download::new).chain(download -> next(server, question, download, limit)
                .chain(() -> blocking(() -> {
                    JsonObject head = download.head;
                    String sha256 = HexFormat.of().formatHex(download.digest.digest());
                    if (!sha256.equalsIgnoreCase(head.getString("sha256", ""))) {
                        throw new ApiException(502, "remote_file_corrupt", "the file from server " + server + " does not match its checksum");
                    }
                    try (InputStream content = Files.newInputStream(download.temp)) {
                        store.put(key, content, download.received);
                    }
                    return new Fetched(head.getString("name", "file"), head.getString("content_type", "application/octet-stream"),
                            download.received, sha256);
                }))
                .eventually(() -> blocking(() -> Files.deleteIfExists(download.temp))))
                .onFailure(UncheckedIOException.class).transform(failure -> {
                    LOGGER.warnv("A file from {0} could not be kept: {1}", server, failure.getCause().getMessage());
                    return FileErrors.storageUnavailable();
                });
    }

    private Uni<Void> next(String server, JsonObject question, Download download, long limit) {
        return signals.ask(server, RemoteFileAnswers.READ, question.copy().put("offset", download.received), PIECE_TIMEOUT).chain(piece -> {
            long size = piece.getLong("size", -1L);
            byte[] data;
            try {
                data = Base64.getDecoder().decode(piece.getString("data", ""));
            } catch (IllegalArgumentException e) {
                data = null;
            }
            if (data == null || size < 0 || data.length > RemoteFileAnswers.PIECE || download.received + data.length > size
                    || (data.length == 0 && download.received < size)
                    || (download.head != null && size != download.head.getLong("size"))) {
                return Uni.createFrom().failure(new ApiException(502, "remote_file_corrupt", "server " + server + " sent a broken piece of the file"));
            }
            if (size > limit) {
                return Uni.createFrom().failure(FileErrors.tooLarge(limit));
            }
            if (download.head == null) {
                download.head = piece.copy();
                download.head.remove("data");
            }
            byte[] bytes = data;
            return blocking(() -> {
                Files.write(download.temp, bytes, StandardOpenOption.APPEND);
                download.digest.update(bytes);
                download.received += bytes.length;
                return download.received;
            }).chain(received -> received < size ? next(server, question, download, limit) : Uni.createFrom().voidItem());
        });
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            LOGGER.debugv("An old remote avatar was not deleted: {0}", e.getMessage());
        }
    }

    private interface Blocking<T> {
        T run() throws IOException;
    }

    private static <T> Uni<T> blocking(Blocking<T> work) {
        return Uni.createFrom().item(() -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
