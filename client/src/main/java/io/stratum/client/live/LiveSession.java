package io.stratum.client.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratum.client.auth.DeviceTokens;
import io.stratum.client.chat.Chat;
import io.stratum.client.chat.ChatEvent;
import io.stratum.client.http.Json;
import io.stratum.client.http.StratumException;

/**
 * A device's live connection ({@code /api/v1/ws}), kept open across network failures.
 *
 * <p>{@link #start()} connects and says {@code hello} with the {@link Cursors}; the server replays
 * what the device missed, then the session is live. If the connection breaks it reconnects after
 * a backoff (250 ms doubling to 30 s) and resumes from the cursors, so the listener sees every
 * event exactly once, in {@code seq} order per chat: events at or below a chat's cursor are
 * dropped, and a gap makes the session reconnect so the server fills it. A {@code 4401} close
 * renews the tokens once and reconnects; if they cannot be renewed the session ends.
 *
 * <p>Commands return futures completed by the server's {@code ack} (or failed by its
 * {@code error}): a completed send is committed on the server. Commands issued while the session
 * is reconnecting wait, and sends, edits, deletions and receipts not yet acknowledged when a
 * connection breaks are sent again, unchanged, after the next {@code synced}; the server answers a
 * re-sent {@code client_id} with the first one's seq, so nothing is stored twice.
 *
 * <p>Thread-safe. Listener calls come from one dispatch thread (see {@link LiveListener}).
 * {@link #close()} ends the session and its threads.
 */
public final class LiveSession implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(LiveSession.class.getName());
    private static final int CLOSE_UNAUTHORIZED = 4401;

    private enum State { NEW, CONNECTING, SYNCING, LIVE, ENDED }

    /** A command waiting for its answer; {@code repeat}: sent again on the next connection. */
    private record Pending(ObjectNode frame, CompletableFuture<JsonNode> answer, boolean repeat) {
    }

    private final HttpClient http;
    private final URI socketUri;
    private final DeviceTokens tokens;
    private final Cursors cursors;
    private final LiveListener listener;
    private final LiveOptions options;
    private final Backoff backoff;
    private final ExecutorService dispatch;
    private final ScheduledExecutorService timers;
    private final Map<Long, Pending> pending = new TreeMap<>();
    private final Object stateLock = new Object();

    private long nextId = 1;
    private State state = State.NEW;
    private LiveConnection connection;
    private long helloId;
    private String helloToken;
    private StratumException endedBy;

    public LiveSession(HttpClient http, URI server, DeviceTokens tokens, Cursors cursors, LiveListener listener, LiveOptions options) {
        this.http = http;
        this.socketUri = URI.create(server.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/api/v1/ws");
        this.tokens = tokens;
        this.cursors = cursors;
        this.listener = listener;
        this.options = options;
        this.backoff = new Backoff(options.firstRetry(), options.maxRetry());
        this.dispatch = Executors.newSingleThreadExecutor(named("stratum-live-dispatch"));
        this.timers = Executors.newSingleThreadScheduledExecutor(named("stratum-live-timer"));
    }

    /** Connects; returns at once. Use {@link #awaitLive(Duration)} to wait until the missed events are delivered. */
    public LiveSession start() {
        dispatch.execute(() -> {
            if (state == State.NEW) {
                connect();
            }
        });
        long every = options.pingEvery().toMillis();
        timers.scheduleWithFixedDelay(() -> dispatch.execute(this::checkConnection), every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Waits until the session is live (after {@code synced}); false if that took longer than {@code timeout} or the session ended. */
    public boolean awaitLive(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stateLock) {
            while (state != State.LIVE && state != State.ENDED) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                stateLock.wait(left);
            }
            return state == State.LIVE;
        }
    }

    public boolean isLive() {
        synchronized (stateLock) {
            return state == State.LIVE;
        }
    }

    /** The cursors as they stand: save them to resume from here next time. */
    public Cursors cursors() {
        return cursors;
    }

    /** Sends a text message with a new client id. */
    public CompletableFuture<Ack> send(UUID chat, String text) {
        return send(chat, newClientId("m"), Draft.text(text));
    }

    /**
     * Sends a message. {@code clientId} (1–64 of {@code A-Z a-z 0-9 . _ : -}, unique per user) makes
     * it idempotent: the same id is never stored twice.
     */
    public CompletableFuture<Ack> send(UUID chat, String clientId, Draft draft) {
        ObjectNode frame = Json.object().put("type", "send").put("chat", chat.toString()).put("client_id", clientId)
                .put("content_type", draft.contentType());
        if (draft.body() != null) {
            frame.put("body", draft.body());
        }
        if (draft.replyTo() != null) {
            frame.put("reply_to", draft.replyTo());
        }
        if (!draft.mentions().isEmpty()) {
            frame.set("mentions", ids(draft.mentions()));
        }
        if (!draft.attachments().isEmpty()) {
            frame.set("attachments", ids(draft.attachments()));
        }
        return command(frame, true).thenApply(Ack::fromJson);
    }

    /** Replaces the body of the caller's message {@code seq}; the ack carries the seq of the {@code edit} event. */
    public CompletableFuture<Ack> edit(UUID chat, long seq, String body) {
        return command(Json.object().put("type", "edit").put("chat", chat.toString()).put("seq", seq)
                .put("client_id", newClientId("e")).put("body", body), true).thenApply(Ack::fromJson);
    }

    /** Deletes the caller's message {@code seq} for everyone. */
    public CompletableFuture<Ack> delete(UUID chat, long seq) {
        return command(Json.object().put("type", "delete").put("chat", chat.toString()).put("seq", seq)
                .put("client_id", newClientId("d")), true).thenApply(Ack::fromJson);
    }

    /** "I have read this chat up to {@code seq}"; completes with the read seq the server holds (receipts only move forward). */
    public CompletableFuture<Long> markRead(UUID chat, long seq) {
        return command(Json.object().put("type", "read").put("chat", chat.toString()).put("seq", seq), true)
                .thenApply(ack -> ack.path("read_seq").asLong());
    }

    /** "This device has received this chat up to {@code seq}". */
    public CompletableFuture<Long> markDelivered(UUID chat, long seq) {
        return command(Json.object().put("type", "delivered").put("chat", chat.toString()).put("seq", seq), true)
                .thenApply(ack -> ack.path("delivered_seq").asLong());
    }

    /** Tells the other members the user is typing; dropped when not live (it is not worth keeping). */
    public void typing(UUID chat) {
        dispatch.execute(() -> {
            if (state == State.LIVE) {
                connection.send(Json.write(Json.object().put("type", "typing").put("chat", chat.toString())));
            }
        });
    }

    /** Drops the current connection as a network failure would; the session reconnects and resumes. */
    public void dropConnection() {
        dispatch.execute(() -> {
            if (connection != null) {
                connection.abort("dropped by the application");
            }
        });
    }

    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try {
            dispatch.execute(() -> {
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                end(null);
                closed.complete(null);
            });
            closed.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOGGER.log(System.Logger.Level.WARNING, "live session did not close cleanly: {0}", e.toString());
        }
        timers.shutdownNow();
        dispatch.shutdown();
    }

    private CompletableFuture<JsonNode> command(ObjectNode frame, boolean repeat) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        dispatch.execute(() -> {
            if (state == State.ENDED) {
                answer.completeExceptionally(endedBy != null ? endedBy : new StratumException(0, "session_closed", "the live session is closed", null));
                return;
            }
            long id = nextId++;
            frame.put("id", id);
            pending.put(id, new Pending(frame, answer, repeat));
            if (state == State.LIVE) {
                connection.send(Json.write(frame));
            }
        });
        return answer;
    }

    // Everything below runs on the dispatch thread.

    private void connect() {
        setState(State.CONNECTING);
        LiveConnection[] self = new LiveConnection[1];
        self[0] = LiveConnection.open(http, socketUri, options.connectTimeout(),
                opened -> dispatch.execute(() -> sayHello(opened)),
                frame -> dispatch.execute(() -> received(self[0], frame)),
                lost -> dispatch.execute(() -> lost(self[0], lost)));
        connection = self[0];
    }

    private void sayHello(LiveConnection opened) {
        if (opened != connection) {
            return;
        }
        helloId = nextId++;
        helloToken = tokens.current().accessToken();
        ObjectNode held = Json.object();
        cursors.snapshot().forEach((chat, seq) -> held.put(chat.toString(), seq));
        ObjectNode hello = Json.object().put("type", "hello").put("id", helloId).put("token", helloToken);
        hello.set("cursors", held);
        opened.send(Json.write(hello));
        setState(State.SYNCING);
    }

    private void received(LiveConnection from, String text) {
        if (from != connection) {
            return;
        }
        JsonNode frame;
        try {
            frame = Json.parse(text);
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "ignoring a frame that is not JSON");
            return;
        }
        String type = frame.path("type").asText("");
        switch (type) {
            case "welcome" -> notify(() -> listener.onWelcome(welcome(frame)));
            case "event" -> event(ChatEvent.fromJson(frame));
            case "synced" -> synced();
            case "ack", "pong" -> answered(frame, null);
            case "error" -> error(frame);
            case "receipt" -> notify(() -> listener.onReceipt(new Signals.Receipt(uuid(frame, "chat"), uuid(frame, "member"),
                    frame.hasNonNull("read_seq") ? frame.get("read_seq").asLong() : null,
                    frame.hasNonNull("delivered_seq") ? frame.get("delivered_seq").asLong() : null)));
            case "typing" -> notify(() -> listener.onTyping(new Signals.Typing(uuid(frame, "chat"), uuid(frame, "member"))));
            case "presence" -> notify(() -> listener.onPresence(new Signals.PresenceChange(uuid(frame, "member"),
                    frame.path("online").asBoolean())));
            default -> {
                // Clients ignore frame types they do not know (docs/protocol.md).
            }
        }
    }

    private void event(ChatEvent event) {
        var held = cursors.of(event.chat());
        if (held.isPresent() && event.seq() <= held.get()) {
            return;
        }
        if (held.isPresent() && event.seq() > held.get() + 1) {
            // The server never leaves gaps on a connection; if one shows, resuming from the cursor fills it.
            connection.abort("gap in chat " + event.chat() + " after seq " + held.get());
            return;
        }
        cursors.advance(event.chat(), event.seq());
        notify(() -> listener.onEvent(event));
    }

    private void synced() {
        setState(State.LIVE);
        backoff.reset();
        for (Pending command : List.copyOf(pending.values())) {
            if (command.repeat()) {
                connection.send(Json.write(command.frame()));
            }
        }
        notify(listener::onSynced);
    }

    private void error(JsonNode frame) {
        StratumException failure = new StratumException(0, Json.text(frame, "code"), Json.text(frame, "message"), frame);
        if ("session_ended".equals(failure.code())) {
            endedBy = failure;
        }
        if (frame.path("re").isNumber() && frame.get("re").asLong() == helloId) {
            return; // the close that follows (4401) decides what happens next
        }
        answered(frame, failure);
    }

    private void answered(JsonNode frame, StratumException failure) {
        JsonNode re = frame.get("re");
        if (re == null || !re.isNumber()) {
            if (failure != null) {
                LOGGER.log(System.Logger.Level.DEBUG, "server error without a command: {0}", failure.code());
            }
            return;
        }
        Pending command = pending.remove(re.asLong());
        if (command == null) {
            return;
        }
        if (failure != null) {
            command.answer().completeExceptionally(failure);
        } else {
            command.answer().complete(frame);
        }
    }

    private void lost(LiveConnection which, LiveConnection.Lost why) {
        if (which != connection || state == State.ENDED) {
            return;
        }
        connection = null;
        for (var entry : List.copyOf(pending.entrySet())) {
            if (!entry.getValue().repeat()) {
                pending.remove(entry.getKey());
                entry.getValue().answer().completeExceptionally(StratumException.transport("connection lost: " + why.reason(), null));
            }
        }
        if (why.code() == CLOSE_UNAUTHORIZED) {
            if (endedBy != null) {
                end(endedBy);
                return;
            }
            try {
                tokens.renew(helloToken);
            } catch (StratumException e) {
                if (!StratumException.TRANSPORT.equals(e.code())) {
                    end(e);
                    return;
                }
            }
        }
        long delay = backoff.nextDelayMillis();
        setState(State.CONNECTING);
        notify(() -> listener.onConnectionLost(why.reason(), delay));
        timers.schedule(() -> dispatch.execute(() -> {
            if (state != State.ENDED && connection == null) {
                connect();
            }
        }), delay, TimeUnit.MILLISECONDS);
    }

    private void checkConnection() {
        if (state != State.LIVE) {
            return;
        }
        LiveConnection checked = connection;
        command(Json.object().put("type", "ping"), false)
                .orTimeout(options.pingTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((pong, failure) -> {
                    if (failure instanceof java.util.concurrent.TimeoutException) {
                        dispatch.execute(() -> {
                            if (checked == connection) {
                                checked.abort("no answer to ping");
                            }
                        });
                    }
                });
    }

    private void end(StratumException reason) {
        if (state == State.ENDED) {
            return;
        }
        setState(State.ENDED);
        StratumException failure = reason != null ? reason : new StratumException(0, "session_closed", "the live session is closed", null);
        endedBy = failure;
        pending.values().forEach(command -> command.answer().completeExceptionally(failure));
        pending.clear();
        notify(() -> listener.onEnded(reason));
    }

    private void setState(State next) {
        synchronized (stateLock) {
            state = next;
            stateLock.notifyAll();
        }
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "the live listener failed: {0}", e.toString());
        }
    }

    private static Welcome welcome(JsonNode frame) {
        List<Chat> chats = new ArrayList<>();
        frame.path("chats").forEach(chat -> chats.add(Chat.fromJson(chat)));
        return new Welcome(Json.text(frame, "protocol"), uuid(frame, "huid"), uuid(frame, "device_id"), List.copyOf(chats));
    }

    private static UUID uuid(JsonNode frame, String field) {
        return frame.hasNonNull(field) ? UUID.fromString(frame.get(field).asText()) : null;
    }

    private static ArrayNode ids(List<UUID> ids) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        ids.forEach(id -> array.add(id.toString()));
        return array;
    }

    private static String newClientId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
