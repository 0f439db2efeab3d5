package io.stratum.client.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One WebSocket attempt of a {@link LiveSession}. Reassembles text frames, hands each whole frame
 * to {@code onFrame} and a broken or closed connection once to {@code onLost}; sends frames one
 * after the other (the JDK WebSocket allows one outstanding send). Callbacks run on the
 * HttpClient's threads: the session moves them to its dispatch thread at once.
 */
final class LiveConnection implements WebSocket.Listener {
    /** Why a connection ended: the close code (-1 when it broke without one) and a reason for people. */
    record Lost(int code, String reason) {
    }

    private final Consumer<String> onFrame;
    private final Consumer<Lost> onLost;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile boolean lost;
    private boolean reported;

    private LiveConnection(Consumer<String> onFrame, Consumer<Lost> onLost) {
        this.onFrame = onFrame;
        this.onLost = onLost;
    }

    /** Opens a connection; {@code onOpen} runs with it once the handshake is done. */
    static LiveConnection open(HttpClient http, URI uri, Duration timeout, Consumer<LiveConnection> onOpen, Consumer<String> onFrame,
            Consumer<Lost> onLost) {
        LiveConnection connection = new LiveConnection(onFrame, onLost);
        http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, connection).whenComplete((socket, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                connection.lose(new Lost(-1, "cannot connect: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " " + cause.getMessage())));
            } else {
                connection.socket = socket;
                onOpen.accept(connection);
            }
        });
        return connection;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.socket = webSocket;
        webSocket.request(1);
    }

    /** Sends one frame after those before it; a failed send breaks the connection. */
    synchronized void send(String frame) {
        WebSocket target = socket;
        if (target == null || lost) {
            return;
        }
        sending = sending.thenCompose(done -> target.sendText(frame, true)).whenComplete((done, failure) -> {
            if (failure != null) {
                lose(new Lost(-1, "send failed: " + failure.getClass().getSimpleName()));
            }
        });
    }

    /** Closes normally (1000). */
    void close() {
        WebSocket target = socket;
        synchronized (this) {
            reported = true;
            lost = true;
        }
        if (target != null) {
            target.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, java.util.concurrent.TimeUnit.SECONDS)
                    .whenComplete((done, failure) -> target.abort());
        }
    }

    /** Drops the connection at once, as a broken network would; the session then reconnects. */
    void abort(String reason) {
        WebSocket target = socket;
        if (target != null) {
            target.abort();
        }
        lose(new Lost(-1, reason));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            onFrame.accept(frame);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        webSocket.abort();
        lose(new Lost(statusCode, reason == null || reason.isBlank() ? "closed by the server" : reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        lose(new Lost(-1, "connection broken: " + error.getClass().getSimpleName()));
    }

    private void lose(Lost why) {
        synchronized (this) {
            if (reported) {
                return;
            }
            reported = true;
            lost = true;
        }
        onLost.accept(why);
    }
}
