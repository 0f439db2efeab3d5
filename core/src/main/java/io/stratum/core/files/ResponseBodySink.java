package io.stratum.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Copies a stored file into a response from a worker thread, chunk by chunk, waiting while the
 * client's write queue is full: a slow reader holds a worker, never memory or the event loop.
 * Every touch of the response happens on its event loop.
 */
final class ResponseBodySink {
    private static final int CHUNK = 64 * 1024;

    private final HttpServerResponse response;
    private final Context context;
    private final Duration idleTimeout;
    private volatile boolean closed;

    ResponseBodySink(HttpServerResponse response, Context context, Duration idleTimeout) {
        this.response = response;
        this.context = context;
        this.idleTimeout = idleTimeout;
        context.runOnContext(v -> response.closeHandler(x -> closed = true));
    }

    /**
     * Lets {@code head} set the status and headers, then writes all of {@code content} and ends the
     * response; throws when the client goes away or stops reading.
     */
    void send(InputStream content, java.util.function.Consumer<HttpServerResponse> head) throws IOException {
        await(onLoop(done -> {
            head.accept(response);
            done.complete(null);
        }));
        byte[] bytes = new byte[CHUNK];
        for (int n; (n = content.read(bytes)) >= 0; ) {
            if (n == 0) {
                continue;
            }
            Buffer chunk = Buffer.buffer(n).appendBytes(bytes, 0, n);
            await(onLoop(writable -> {
                response.write(chunk);
                if (response.writeQueueFull()) {
                    response.drainHandler(v -> writable.complete(null));
                } else {
                    writable.complete(null);
                }
            }));
        }
        await(onLoop(done -> response.end().onComplete(result -> done.complete(null))));
    }

    private CompletableFuture<Void> onLoop(java.util.function.Consumer<CompletableFuture<Void>> step) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        context.runOnContext(v -> {
            if (closed) {
                future.completeExceptionally(new IOException("the client closed the connection"));
                return;
            }
            try {
                step.accept(future);
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    private void await(CompletableFuture<Void> future) throws IOException {
        try {
            future.get(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending the file");
        } catch (ExecutionException e) {
            throw new IOException("sending the file failed: " + e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            throw new IOException("the client read nothing for " + idleTimeout.toSeconds() + " s");
        }
    }
}
