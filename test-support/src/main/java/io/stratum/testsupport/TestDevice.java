package io.stratum.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.vertx.core.json.JsonObject;

/** A device's WebSocket as a test drives it: send frames, wait for frames, see the close code. */
public final class TestDevice implements AutoCloseable {
    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private int nextId = 1;

    private TestDevice(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(new JsonObject(partial.toString()));
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        }).join();
    }

    public static TestDevice connect(int port) {
        return new TestDevice(URI.create("ws://localhost:" + port + "/api/v1/ws"));
    }

    /** Connects, says hello with the token and cursors, and waits for {@code synced}. */
    public static TestDevice online(int port, String token, JsonObject cursors) {
        TestDevice device = connect(port);
        device.send(new JsonObject().put("type", "hello").put("token", token).put("cursors", cursors));
        device.await(frame -> "synced".equals(frame.getString("type")));
        return device;
    }

    /** Sends a frame with a fresh id; returns the id. */
    public int send(JsonObject frame) {
        int id = nextId++;
        raw(frame.copy().put("id", id).encode());
        return id;
    }

    public void raw(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends a command and waits for the ack or error that answers it. */
    public JsonObject call(JsonObject frame) {
        int id = send(frame);
        return await(reply -> Integer.valueOf(id).equals(reply.getInteger("re")) && !"welcome".equals(reply.getString("type")));
    }

    /** Waits for the first not yet consumed frame matching; earlier frames stay in {@link #seen()}. */
    public JsonObject await(Predicate<JsonObject> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (int i = 0; i < seen.size(); i++) {
            if (wanted.test(seen.get(i))) {
                return seen.remove(i);
            }
        }
        try {
            while (System.nanoTime() < deadline) {
                JsonObject frame = frames.poll(50, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    continue;
                }
                if (wanted.test(frame)) {
                    return frame;
                }
                seen.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching frame within 20 s; frames seen: " + seen);
    }

    /** Events of a chat received so far and within {@code quiet} after the last one. */
    public List<JsonObject> events(String chat, Duration quiet) {
        List<JsonObject> events = new ArrayList<>();
        try {
            JsonObject frame;
            while ((frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                seen.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (JsonObject frame : seen) {
            if ("event".equals(frame.getString("type")) && chat.equals(frame.getString("chat"))) {
                events.add(frame);
            }
        }
        return events;
    }

    /**
     * Waits until {@code count} events of the chat with seq above {@code afterSeq} have arrived, then a
     * further {@code quiet} period (to catch duplicates); returns all of them in arrival order.
     */
    public List<JsonObject> awaitEvents(String chat, long afterSeq, int count, Duration timeout, Duration quiet) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonObject> events = new ArrayList<>();
        java.util.function.Consumer<JsonObject> take = frame -> {
            if ("event".equals(frame.getString("type")) && chat.equals(frame.getString("chat")) && frame.getLong("seq") > afterSeq) {
                events.add(frame);
            } else {
                seen.add(frame);
            }
        };
        List<JsonObject> earlier = new ArrayList<>(seen);
        seen.clear();
        earlier.forEach(take);
        try {
            while (events.size() < count && System.nanoTime() < deadline) {
                JsonObject frame = frames.poll(50, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    take.accept(frame);
                }
            }
            long quietUntil = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < quietUntil) {
                JsonObject frame = frames.poll(50, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    take.accept(frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return events;
    }

    /** The close code once the server closed the connection. */
    public int closeCode() {
        return closed.orTimeout(20, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
            socket.abort();
        }
    }
}
