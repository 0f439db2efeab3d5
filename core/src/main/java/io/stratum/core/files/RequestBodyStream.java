package io.stratum.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A request body as a blocking {@link InputStream} for a worker thread, with back-pressure: the
 * event loop queues the chunks as they arrive and pauses the request once {@value #HIGH_WATER}
 * bytes wait; the reader resumes it when the queue drains below {@value #LOW_WATER}. So at most
 * about a megabyte of an upload is in memory, however large the file.
 *
 * <p>{@link #start()} and {@link #discard()} run on the request's event loop; {@code read} on one
 * worker thread. A reader waiting longer than the idle timeout for data gets an {@link IOException}.
 */
final class RequestBodyStream extends InputStream {
    static final int HIGH_WATER = 1024 * 1024;
    static final int LOW_WATER = 256 * 1024;

    private final HttpServerRequest request;
    private final Context context;
    private final long idleNanos;
    private final ArrayDeque<Buffer> chunks = new ArrayDeque<>();
    private int position;
    private long queued;
    private boolean paused;
    private boolean ended;
    private boolean discarding;
    private Throwable failure;

    RequestBodyStream(HttpServerRequest request, Context context, Duration idleTimeout) {
        this.request = request;
        this.context = context;
        this.idleNanos = idleTimeout.toNanos();
    }

    /** Starts reading the request; on its event loop. */
    void start() {
        request.exceptionHandler(this::failed);
        request.endHandler(v -> ended());
        request.handler(this::arrived);
    }

    /** Drops what is queued and whatever else arrives (after a refusal); on the event loop. */
    synchronized void discard() {
        discarding = true;
        chunks.clear();
        queued = 0;
        if (paused) {
            paused = false;
            request.resume();
        }
        notifyAll();
    }

    private synchronized void arrived(Buffer chunk) {
        if (discarding) {
            return;
        }
        chunks.add(chunk);
        queued += chunk.length();
        if (queued > HIGH_WATER && !paused) {
            paused = true;
            request.pause();
        }
        notifyAll();
    }

    private synchronized void ended() {
        ended = true;
        notifyAll();
    }

    private synchronized void failed(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        notifyAll();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        long deadline = System.nanoTime() + idleNanos;
        while (chunks.isEmpty() && !ended && failure == null && !discarding) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new UploadBrokeOff("the upload sent nothing for " + Duration.ofNanos(idleNanos).toSeconds() + " s");
            }
            try {
                wait(left / 1_000_000 + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UploadBrokeOff("interrupted while waiting for the upload");
            }
        }
        if (failure != null) {
            throw new UploadBrokeOff("the upload broke off: " + failure.getClass().getSimpleName());
        }
        if (discarding) {
            throw new UploadBrokeOff("the upload was abandoned");
        }
        if (chunks.isEmpty()) {
            return -1;
        }
        Buffer head = chunks.peek();
        int n = Math.min(length, head.length() - position);
        head.getBytes(position, position + n, buffer, offset);
        position += n;
        if (position == head.length()) {
            chunks.poll();
            position = 0;
        }
        queued -= n;
        if (paused && queued < LOW_WATER) {
            paused = false;
            context.runOnContext(v -> request.resume());
        }
        return n;
    }
}
