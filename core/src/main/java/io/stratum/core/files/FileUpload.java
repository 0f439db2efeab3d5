package io.stratum.core.files;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.stratum.core.account.Caller;
import io.stratum.core.api.ApiException;
import io.vertx.core.Context;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/chats/{chat}/files?name=...}: the raw request body is the file, its
 * {@code Content-Type} the file's type. Checks, in order and before reading any byte: the id, the
 * name and type, the announced size against the limit, the token, membership of the chat. Then the
 * body streams through {@link MeasuredInput} (size limit, SHA-256) into the {@link FileStore} on a
 * transfer thread, and the record is written once the store holds every byte.
 */
@ApplicationScoped
public class FileUpload {
    private static final Logger LOGGER = Logger.getLogger(FileUpload.class);
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]{1,64}/[a-z0-9!#$&^_.+-]{1,64}");
    private static final long DRAIN_MILLIS = 10_000;

    private final FilesConfig config;
    private final FileStore store;
    private final FileRecords records;
    private final FileTransfers transfers;

    public FileUpload(FilesConfig config, FileStore store, FileRecords records, FileTransfers transfers) {
        this.config = config;
        this.store = store;
        this.records = records;
        this.transfers = transfers;
    }

    /** What the client asked to upload. */
    private record Upload(UUID chat, String name, String contentType, long length) {
    }

    void handle(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        Context context = routing.vertx().getOrCreateContext();
        Upload upload;
        try {
            upload = new Upload(FileRoutes.id(routing.pathParam("chat"), FileErrors.noSuchChat()), name(request.getParam("name")),
                    contentType(request.getHeader(HttpHeaders.CONTENT_TYPE)), length(request.getHeader(HttpHeaders.CONTENT_LENGTH)));
        } catch (ApiException e) {
            refuse(routing, e, true);
            return;
        }
        if (upload.length() > config.maxSize()) {
            // Refused on the announced size alone: not one byte of the body is read.
            refuse(routing, FileErrors.tooLarge(config.maxSize()), false);
            return;
        }
        FileRoutes.caller(routing)
                .chain(caller -> records.isMember(upload.chat(), caller.huid()).map(member -> {
                    if (!member) {
                        throw FileErrors.noSuchChat();
                    }
                    return caller;
                }))
                .emitOn(FileRoutes.on(context))
                .subscribe().with(caller -> receive(routing, context, caller, upload), failure -> refuse(routing, failure, true));
    }

    private void receive(RoutingContext routing, Context context, Caller caller, Upload upload) {
        HttpServerRequest request = routing.request();
        UUID fileId = UUID.randomUUID();
        String key = upload.chat() + "/" + fileId;
        RequestBodyStream body = new RequestBodyStream(request, context, config.idleTimeout());
        MeasuredInput measured = new MeasuredInput(body, config.maxSize());
        CompletableFuture<FileRecord> stored;
        try {
            stored = transfers.submit(() -> {
                store.put(key, measured, upload.length());
                return new FileRecord(fileId, upload.chat(), caller.huid(), upload.name(), upload.contentType(), measured.count(),
                        measured.sha256(), key, Instant.now().truncatedTo(ChronoUnit.MICROS));
            });
        } catch (RejectedExecutionException e) {
            refuse(routing, FileErrors.busy(), false);
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            routing.response().writeContinue();
        }
        body.start();
        Uni.createFrom().completionStage(stored)
                .chain(file -> records.insert(file).replaceWith(file)
                        .onFailure().call(() -> Uni.createFrom().completionStage(transfers.submit(() -> {
                            store.delete(key);
                            return null;
                        })).onFailure().recoverWithNull()))
                .emitOn(FileRoutes.on(context))
                .subscribe().with(file -> {
                    LOGGER.infov("File stored: file={0} chat={1} size={2}", file.id(), file.chatId(), file.size());
                    routing.response().setStatusCode(201).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .putHeader(HttpHeaders.LOCATION, "/api/v1/files/" + file.id()).end(file.toJson().encode());
                }, failure -> {
                    body.discard();
                    failed(routing, failure);
                });
    }

    private void failed(RoutingContext routing, Throwable failure) {
        if (cause(failure, FileTooLarge.class) != null) {
            refuse(routing, FileErrors.tooLarge(config.maxSize()), true);
        } else if (cause(failure, UploadBrokeOff.class) != null) {
            LOGGER.debugv("Upload abandoned: {0}", cause(failure, UploadBrokeOff.class).getMessage());
            routing.request().connection().close();
        } else if (cause(failure, IOException.class) != null) {
            LOGGER.warnv("File store failed: {0}", cause(failure, IOException.class).getMessage());
            refuse(routing, FileErrors.storageUnavailable(), true);
        } else {
            refuse(routing, failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure, true);
        }
    }

    /**
     * Answers with the error. A body still coming is either read and dropped for a while (so the
     * client gets to read the answer) and the connection then closed, or, when it is too large to
     * be worth reading, the connection is closed right after the answer.
     */
    private static void refuse(RoutingContext routing, Throwable failure, boolean readRest) {
        HttpServerRequest request = routing.request();
        if (!request.isEnded()) {
            routing.response().putHeader(HttpHeaders.CONNECTION, "close");
            if (readRest) {
                long timer = routing.vertx().setTimer(DRAIN_MILLIS, t -> request.connection().close());
                request.exceptionHandler(e -> routing.vertx().cancelTimer(timer));
                request.endHandler(v -> {
                    routing.vertx().cancelTimer(timer);
                    routing.response().endHandler(x -> request.connection().close());
                    if (routing.response().ended()) {
                        request.connection().close();
                    }
                });
                request.handler(chunk -> {
                });
                request.resume();
            } else {
                routing.response().endHandler(v -> request.connection().close());
            }
        }
        FileErrors.send(routing.response(), failure);
    }

    static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            return "file";
        }
        if (name.length() > 255 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')) {
            throw FileErrors.invalid("name", "name is the file's name: 1 to 255 characters, without / \\ or control characters");
        }
        return name.strip().isEmpty() ? "file" : name.strip();
    }

    private static String contentType(String header) {
        if (header == null || header.isBlank()) {
            return "application/octet-stream";
        }
        int semicolon = header.indexOf(';');
        String type = (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPE.matcher(type).matches()) {
            throw FileErrors.invalid("content_type", "Content-Type must be the file's media type, such as image/png");
        }
        return type;
    }

    private static long length(String header) {
        if (header == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(header.strip());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw FileErrors.invalid("content_length", "Content-Length must be the number of bytes sent");
    }
}
