package io.stratum.core.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.stratum.core.account.Caller;
import io.stratum.core.chat.ChatHistory;
import io.stratum.core.chat.LiveEvent;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;

/**
 * One authenticated device connection. Keeps, per chat, the last sequence number sent, so that the
 * device gets every event exactly once and in order whatever way it arrives: from the resume after
 * {@code hello}, live (committed on this instance, or from Kafka when committed on another;
 * possibly twice, possibly after a later one), or from a gap fill. For a chat the user has left it
 * keeps the last sequence number sent, so a late copy of the leaving event is not sent again. All
 * state is touched on the connection's event loop ({@link #context}) only.
 */
final class ClientSession {
    private static final Logger LOGGER = Logger.getLogger(ClientSession.class);
    static final int CLOSE_UNAUTHORIZED = 4401;

    private final WebSocketConnection connection;
    private final Context context;
    private final Caller caller;
    private final ChatHistory history;
    private final Map<UUID, Long> sent = new HashMap<>();
    private final Map<UUID, Long> left = new HashMap<>();
    private final Map<UUID, Deque<LiveEvent>> filling = new HashMap<>();
    private List<LiveEvent> beforeReady = new ArrayList<>();

    ClientSession(WebSocketConnection connection, Context context, Caller caller, ChatHistory history) {
        this.connection = connection;
        this.context = context;
        this.caller = caller;
        this.history = history;
    }

    Caller caller() {
        return caller;
    }

    /**
     * Brings the device up to date: for each chat, sends the events after the device's cursor
     * (absent = from the start of what it may see), page by page, then live events held meanwhile.
     */
    Uni<Void> resume(Map<UUID, Long> lastSeqByChat, Map<UUID, Long> cursors) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<UUID, Long> chat : lastSeqByChat.entrySet()) {
            long from = cursors.getOrDefault(chat.getKey(), 0L);
            sent.put(chat.getKey(), Math.min(from, chat.getValue()));
            if (chat.getValue() > from) {
                chain = chain.chain(() -> catchUp(chat.getKey()));
            }
        }
        return chain.invoke(() -> {
            List<LiveEvent> held = beforeReady;
            beforeReady = null;
            held.forEach(this::accept);
        });
    }

    /** Any thread: a committed event for this device's user. */
    void offer(LiveEvent event) {
        context.runOnContext(ignored -> {
            if (beforeReady != null) {
                beforeReady.add(event);
            } else {
                accept(event);
            }
        });
    }

    /** Any thread: an ephemeral frame (typing, receipt). */
    void signal(JsonObject frame) {
        if (beforeReady == null) {
            send(frame);
        }
    }

    /** Any thread: the device was logged out or its sessions ended. */
    void revoked() {
        send(new JsonObject().put("type", "error").put("code", "session_ended").put("message", "this device was logged out"));
        connection.close(new CloseReason(CLOSE_UNAUTHORIZED, "session ended")).subscribe().with(done -> { }, failure -> { });
    }

    private void accept(LiveEvent event) {
        UUID chat = event.chatId();
        Deque<LiveEvent> waiting = filling.get(chat);
        if (waiting != null) {
            waiting.add(event);
            return;
        }
        Long last = sent.get(chat);
        if (last == null) {
            if (event.seq() <= left.getOrDefault(chat, 0L)) {
                return; // a late copy from before the user left
            }
            // A chat this device did not know: it was created with, or added, this user.
            last = event.seq() - 1;
        }
        if (event.seq() <= last) {
            return;
        }
        if (event.seq() == last + 1) {
            deliver(event);
            return;
        }
        filling.put(chat, new ArrayDeque<>(List.of(event)));
        catchUp(chat).subscribe().with(done -> { }, failure -> LOGGER.warnv("Gap fill failed: chat={0} {1}", chat,
                failure.getClass().getName()));
    }

    /** Sends the events after the last one sent, page by page, then whatever arrived live meanwhile. */
    private Uni<Void> catchUp(UUID chat) {
        filling.putIfAbsent(chat, new ArrayDeque<>());
        return history.after(caller.huid(), chat, sent.getOrDefault(chat, 0L), 0).chain(events -> {
            events.forEach(event -> deliver(LiveEvent.of(event)));
            if (!events.isEmpty() && sent.containsKey(chat)) {
                return catchUp(chat);
            }
            Deque<LiveEvent> waiting = filling.remove(chat);
            waiting.forEach(this::accept);
            return Uni.createFrom().voidItem();
        });
    }

    private void deliver(LiveEvent event) {
        Long last = sent.get(event.chatId());
        if (last != null && event.seq() <= last) {
            return;
        }
        sendText(event.frame());
        if (event.removes(caller.huid())) {
            sent.remove(event.chatId());
            left.put(event.chatId(), event.seq());
        } else {
            sent.put(event.chatId(), event.seq());
            left.remove(event.chatId());
        }
    }

    void send(JsonObject frame) {
        sendText(frame.encode());
    }

    private void sendText(String frame) {
        connection.sendText(frame).subscribe().with(done -> { }, failure -> LOGGER.debugv("Send to a closed session: {0}",
                failure.getClass().getName()));
    }
}
