package io.stratum.core.files;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
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
 * How every upload runs, whatever it is for (chat file, avatar). Before any byte of the body is
 * read: the announced length against the limit, the token, the caller's right ({@link Target#authorize}).
 * Then the body streams through {@link MeasuredInput} (size limit, SHA-256) into the {@link FileStore}
 * on a transfer thread; {@link Target#commit} records it once the store holds every byte (its
 * failure deletes the object). Refusals are answered as the API's JSON errors.
 */
@ApplicationScoped
public class UploadPipeline {
    private static final Logger LOGGER = Logger.getLogger(UploadPipeline.class);
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]{1,64}/[a-z0-9!#$&^_.+-]{1,64}");
    private static final long DRAIN_MILLIS = 10_000;
    /** How much of a body too large to be worth reading is dropped, and for how long, before its connection closes. */
    private static final long LINGER_BYTES = 1024 * 1024;
    private static final long LINGER_MILLIS = 1_000;

    private final FilesConfig config;
    private final FileStore store;
    private final FileTransfers transfers;

    public UploadPipeline(FilesConfig config, FileStore store, FileTransfers transfers) {
        this.config = config;
        this.store = store;
        this.transfers = transfers;
    }

    /** What the bytes of one upload become. Methods run on the event loop and must not block. */
    interface Target {
        /** Largest size accepted, in bytes. */
        long limit();

        /** Fails (with an {@link ApiException}) when the caller may not upload here. */
        Uni<Void> authorize(Caller caller);

        /** The storage key for the new object: generated, never from the client. */
        String key(Caller caller);

        /** Records the stored object and gives the answer's JSON body. */
        Uni<io.vertx.core.json.JsonObject> commit(Caller caller, Stored stored);

        /** The {@code Location} of what was created, or null. */
        default String location(io.vertx.core.json.JsonObject answer) {
            return null;
        }
    }

    /** What was stored: the key, the media type, the size and the SHA-256 (hex). */
    record Stored(String key, String contentType, long size, String sha256, Instant at) {
    }

    /** Runs an upload for {@code target}; {@code status} is the success status (201 for a new resource). */
    void run(RoutingContext routing, Function<RoutingContext, Target> targetOf, int status) {
        HttpServerRequest request = routing.request();
        Context context = routing.vertx().getOrCreateContext();
        Target target;
        String contentType;
        long length;
        try {
            target = targetOf.apply(routing);
            contentType = contentType(request.getHeader(HttpHeaders.CONTENT_TYPE));
            length = length(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        } catch (ApiException e) {
            refuse(routing, e, true);
            return;
        }
        if (length > target.limit()) {
            // Refused on the announced size alone: not one byte of the body is read.
            refuse(routing, FileErrors.tooLarge(target.limit()), false);
            return;
        }
        FileRoutes.caller(routing)
                .call(target::authorize)
                .emitOn(FileRoutes.on(context))
                .subscribe().with(caller -> receive(routing, context, target, caller, contentType, length, status),
                        failure -> refuse(routing, failure, true));
    }

    private void receive(RoutingContext routing, Context context, Target target, Caller caller, String contentType, long length,
            int status) {
        HttpServerRequest request = routing.request();
        String key = target.key(caller);
        RequestBodyStream body = new RequestBodyStream(request, context, config.idleTimeout());
        MeasuredInput measured = new MeasuredInput(body, target.limit());
        CompletableFuture<Stored> stored;
        try {
            stored = transfers.submit(() -> {
                store.put(key, measured, length);
                return new Stored(key, contentType, measured.count(), measured.sha256(), Instant.now().truncatedTo(ChronoUnit.MICROS));
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
                .chain(object -> target.commit(caller, object)
                        .onFailure().call(() -> Uni.createFrom().completionStage(transfers.submit(() -> {
                            store.delete(key);
                            return null;
                        })).onFailure().recoverWithNull()))
                .emitOn(FileRoutes.on(context))
                .subscribe().with(answer -> {
                    String location = target.location(answer);
                    if (location != null) {
                        routing.response().putHeader(HttpHeaders.LOCATION, location);
                    }
                    routing.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(answer.encode());
                }, failure -> {
                    body.discard();
                    failed(routing, target, failure);
                });
    }

    private void failed(RoutingContext routing, Target target, Throwable failure) {
        if (cause(failure, FileTooLarge.class) != null) {
            refuse(routing, FileErrors.tooLarge(target.limit()), true);
        } else if (cause(failure, UploadBrokeOff.class) != null) {
            LOGGER.debugv("Upload abandoned: {0}", cause(failure, UploadBrokeOff.class).getMessage());
            routing.request().connection().close();
        } else if (cause(failure, ApiException.class) != null) {
            refuse(routing, cause(failure, ApiException.class), true);
        } else if (cause(failure, IOException.class) != null) {
            LOGGER.warnv("File store failed: {0}", cause(failure, IOException.class).getMessage());
            refuse(routing, FileErrors.storageUnavailable(), true);
        } else {
            refuse(routing, failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure, true);
        }
    }

    /**
     * Answers with the error, then closes the connection once the client has had time to read it.
     * Closing a socket that still holds unread bytes makes the kernel reset the connection, and a
     * reset can destroy the answer before the client reads it; so what the client still sends is
     * read and dropped meanwhile. With {@code readRest} the whole body is dropped (for at most
     * {@link #DRAIN_MILLIS}); otherwise (a body too large to be worth reading) at most
     * {@link #LINGER_BYTES} are, then reading stops and the connection closes {@link #LINGER_MILLIS}
     * after the answer.
     */
    private static void refuse(RoutingContext routing, Throwable failure, boolean readRest) {
        HttpServerRequest request = routing.request();
        if (!request.isEnded()) {
            routing.response().putHeader(HttpHeaders.CONNECTION, "close");
            if (readRest) {
                dropThenClose(routing, Long.MAX_VALUE, DRAIN_MILLIS);
            } else {
                dropThenClose(routing, LINGER_BYTES, LINGER_MILLIS);
            }
        }
        FileErrors.send(routing.response(), failure);
    }

    private static void dropThenClose(RoutingContext routing, long maxBytes, long maxMillis) {
        HttpServerRequest request = routing.request();
        // addEndHandler, not response().endHandler: that one belongs to Quarkus (request counting for graceful shutdown).
        Runnable close = () -> {
            if (routing.response().ended()) {
                request.connection().close();
            } else {
                routing.addEndHandler(x -> request.connection().close());
            }
        };
        long timer = routing.vertx().setTimer(maxMillis, t -> close.run());
        long[] dropped = {0};
        request.exceptionHandler(e -> routing.vertx().cancelTimer(timer));
        request.endHandler(v -> {
            routing.vertx().cancelTimer(timer);
            close.run();
        });
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] >= maxBytes) {
                request.pause();
            }
        });
        request.resume();
    }

    static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
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
