package io.stratum.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.stratum.core.account.Caller;
import io.stratum.core.api.ApiException;
import io.vertx.core.Context;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/files/{file}}: streams a file to a member of the chat it was sent to, with its
 * type, length and name. Anyone else gets 404 {@code no_such_file}, as for a file that does not exist.
 * The response is marked as a download that browsers must not sniff or run.
 */
@ApplicationScoped
public class FileDownload {
    private static final Logger LOGGER = Logger.getLogger(FileDownload.class);

    private final FilesConfig config;
    private final FileStore store;
    private final FileRecords records;
    private final FileTransfers transfers;
    private final RemoteFiles remote;

    public FileDownload(FilesConfig config, FileStore store, FileRecords records, FileTransfers transfers, RemoteFiles remote) {
        this.remote = remote;
        this.config = config;
        this.store = store;
        this.records = records;
        this.transfers = transfers;
    }

    void handle(RoutingContext routing) {
        UUID fileId;
        try {
            fileId = FileRoutes.id(routing.pathParam("file"), FileErrors.noSuchFile());
        } catch (ApiException e) {
            FileErrors.send(routing.response(), e);
            return;
        }
        // A file another server keeps (sent by a member of that server) is fetched through the trust first.
        serve(routing, caller -> records.readableBy(fileId, caller.huid())
                .chain(found -> found.isPresent() ? Uni.createFrom().item(found) : remote.chatFile(fileId, caller.huid())), FileErrors::noSuchFile);
    }

    /**
     * Streams the file that {@code lookup} finds for the caller, or answers {@code notFound} when it
     * finds none (unknown and not allowed look the same).
     */
    void serve(RoutingContext routing, Function<Caller, Uni<Optional<FileRecord>>> lookup, Supplier<ApiException> notFound) {
        Context context = routing.vertx().getOrCreateContext();
        ResponseBodySink sink = new ResponseBodySink(routing.response(), context, config.idleTimeout());
        FileRoutes.caller(routing)
                .chain(caller -> lookup.apply(caller))
                .map(found -> found.orElseThrow(notFound))
                .chain(file -> Uni.createFrom().completionStage(() -> {
                    try {
                        return transfers.submit(() -> {
                            try (InputStream content = store.open(file.storageKey())) {
                                sink.send(content, head -> head(head, file));
                            }
                            return file;
                        });
                    } catch (RejectedExecutionException e) {
                        throw FileErrors.busy();
                    }
                }))
                .emitOn(FileRoutes.on(context))
                .subscribe().with(file -> LOGGER.debugv("File sent: file={0}", file.id()), failure -> failed(routing, failure));
    }

    private static void head(HttpServerResponse response, FileRecord file) {
        response.setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, file.contentType())
                .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(file.size()))
                .putHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(file.name()))
                .putHeader(HttpHeaders.ETAG, "\"" + file.sha256() + "\"")
                .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", "sandbox");
    }

    /** {@code attachment} with an ASCII fallback name and the exact name in RFC 5987 form. */
    static String disposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private void failed(RoutingContext routing, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        HttpServerResponse response = routing.response();
        if (response.headWritten()) {
            // Part of the file is out: the client sees a short body and must not take it for the whole.
            LOGGER.debugv("Download broke off: {0}", cause.getClass().getSimpleName());
            routing.request().connection().close();
        } else if (cause instanceof NoSuchFileException) {
            LOGGER.errorv("File missing from the store: {0}", cause.getMessage());
            FileErrors.send(response, new ApiException(410, "file_missing", "the file's contents are missing from the storage"));
        } else if (cause instanceof IOException) {
            LOGGER.warnv("File store failed: {0}", cause.getMessage());
            FileErrors.send(response, FileErrors.storageUnavailable());
        } else {
            FileErrors.send(response, cause);
        }
    }
}
