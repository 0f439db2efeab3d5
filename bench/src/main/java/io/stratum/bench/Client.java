package io.stratum.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One device on the WebSocket: says {@code hello} with its cursors, keeps per chat the highest
 * {@code seq} it holds, counts gaps and repeats, and hands every frame to the bench's handler.
 * Sends go out one after another (java.net.http allows one outstanding send per socket).
 */
final class Client implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the bench does with the frames; swapped per scenario. */
    interface Handler {
        void frame(Client client, JsonNode frame, long nanos);
    }

    final BenchUser user;
    final int index;
    final Map<String, Long> cursors = new ConcurrentHashMap<>();
    /** last_seq per chat as the latest welcome announced it. */
    final Map<String, Long> announced = new ConcurrentHashMap<>();
    final AtomicLong gaps = new AtomicLong();
    final AtomicLong repeats = new AtomicLong();
    final AtomicLong eventsBeforeSynced = new AtomicLong();

    private final Handler handler;
    private volatile WebSocket socket;
    private volatile CompletableFuture<Void> synced = new CompletableFuture<>();
    private volatile boolean live;
    private CompletableFuture<WebSocket> sending;
    private final StringBuilder partial = new StringBuilder();
    private volatile CompletableFuture<Void> closed = new CompletableFuture<>();

    Client(BenchUser user, int index, Handler handler) {
        this.user = user;
        this.index = index;
        this.handler = handler;
    }

    /** Opens the socket and says hello with the current cursors; completes at {@code synced}. */
    CompletableFuture<Void> connect(HttpClient http, URI uri) {
        synced = new CompletableFuture<>();
        closed = new CompletableFuture<>();
        live = false;
        announced.clear();
        eventsBeforeSynced.set(0);
        return http.newWebSocketBuilder().buildAsync(uri, this).thenCompose(ws -> {
            socket = ws;
            synchronized (this) {
                sending = CompletableFuture.completedFuture(ws);
            }
            ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("id", 1).put("token", user.accessToken());
            ObjectNode cursorNode = hello.putObject("cursors");
            cursors.forEach(cursorNode::put);
            return send(hello.toString());
        }).thenCompose(sent -> synced);
    }

    /** Queues one text frame behind the previous ones. */
    synchronized CompletableFuture<WebSocket> send(String text) {
        sending = sending.thenCompose(ws -> ws.sendText(text, true));
        return sending;
    }

    /** Closes normally and completes when the server has closed too (or the socket is gone). */
    CompletableFuture<Void> close() {
        WebSocket ws = socket;
        if (ws == null) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            sending = sending.thenCompose(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, "bench"));
        }
        return closed;
    }

    boolean isLive() {
        return live;
    }

    /** Chats whose announced last_seq is above what this device holds. */
    long missing() {
        long missing = 0;
        for (Map.Entry<String, Long> chat : announced.entrySet()) {
            missing += Math.max(0, chat.getValue() - cursors.getOrDefault(chat.getKey(), 0L));
        }
        return missing;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                handle(JSON.readTree(text), now);
            } catch (Exception e) {
                System.err.println("client " + index + ": " + e);
            }
        }
        webSocket.request(1);
        return null;
    }

    private void handle(JsonNode frame, long now) {
        switch (frame.path("type").asText()) {
            case "welcome" -> frame.path("chats").forEach(chat -> announced.put(chat.get("id").asText(), chat.path("last_seq").asLong()));
            case "event" -> {
                String chat = frame.get("chat").asText();
                long seq = frame.get("seq").asLong();
                long held = cursors.getOrDefault(chat, 0L);
                if (seq <= held) {
                    repeats.incrementAndGet();
                } else {
                    if (seq != held + 1) {
                        gaps.incrementAndGet();
                    }
                    cursors.put(chat, seq);
                }
                if (!live) {
                    eventsBeforeSynced.incrementAndGet();
                }
            }
            case "synced" -> {
                live = true;
                synced.complete(null);
            }
            case "error" -> {
                if (!live && frame.path("re").asInt() == 1) {
                    synced.completeExceptionally(new IllegalStateException("hello refused: " + frame));
                }
            }
            default -> {
            }
        }
        handler.frame(this, frame, now);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        live = false;
        if (!synced.isDone()) {
            synced.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        }
        closed.complete(null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        live = false;
        synced.completeExceptionally(error);
        closed.complete(null);
    }
}
