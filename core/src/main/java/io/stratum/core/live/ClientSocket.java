package io.stratum.core.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.InboundProcessingMode;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.stratum.core.account.DeviceSessions;
import io.stratum.core.api.ApiException;
import io.stratum.core.chat.ChatHistory;
import io.stratum.core.chat.ChatLog;
import io.stratum.core.chat.ChatRequests;
import io.stratum.core.chat.ChatSummary;
import io.stratum.core.chat.Chats;
import io.stratum.core.chat.Receipts;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The client WebSocket at {@code /api/v1/ws}: one per device. The first frame is {@code hello}
 * with the access token and the device's cursors; every other frame is a command answered by an
 * {@code ack} or an {@code error} carrying its {@code id}. The frame catalogue is docs/protocol.md.
 * Frames are processed concurrently (a client may pipeline sends); a chat's order is the order in
 * which its sends arrived.
 */
@WebSocket(path = "/api/v1/ws", inboundProcessingMode = InboundProcessingMode.CONCURRENT)
public class ClientSocket {
    private static final Logger LOGGER = Logger.getLogger(ClientSocket.class);
    static final String PROTOCOL_VERSION = "1";
    private static final int CLOSE_HELLO_TIMEOUT = 4408;
    private static final int CLOSE_TOO_MANY = 4429;
    private static final int CLOSE_TOO_BIG = 1009;

    private final DeviceSessions devices;
    private final Chats chats;
    private final ChatHistory history;
    private final ChatLog log;
    private final ChatRequests requests;
    private final Receipts receipts;
    private final LocalSessions sessions;
    private final LiveConfig config;
    private final SendRates rates;
    private final Map<String, ClientSession> byConnection = new ConcurrentHashMap<>();
    private final Map<String, String> ipByConnection = new ConcurrentHashMap<>();

    public ClientSocket(DeviceSessions devices, Chats chats, ChatHistory history, ChatLog log, ChatRequests requests,
            Receipts receipts, LocalSessions sessions, LiveConfig config, SendRates rates) {
        this.devices = devices;
        this.chats = chats;
        this.history = history;
        this.log = log;
        this.requests = requests;
        this.receipts = receipts;
        this.sessions = sessions;
        this.config = config;
        this.rates = rates;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        String ip = ip(connection.handshakeRequest().remoteAddress());
        if (!sessions.admit(ip, config.connectionsPerIp())) {
            return connection.close(new CloseReason(CLOSE_TOO_MANY, "too many connections from this address"));
        }
        ipByConnection.put(connection.id(), ip);
        Vertx.currentContext().owner().setTimer(config.helloTimeout().toMillis(), id -> {
            if (connection.isOpen() && !byConnection.containsKey(connection.id())) {
                connection.close(new CloseReason(CLOSE_HELLO_TIMEOUT, "no hello")).subscribe().with(done -> { }, failure -> { });
            }
        });
        return Uni.createFrom().voidItem();
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        String ip = ipByConnection.remove(connection.id());
        if (ip != null) {
            sessions.release(ip);
        }
        forget(connection.id());
    }

    /** Unregisters the connection's session exactly once, whichever of close and hello finishes last. */
    private void forget(String connectionId) {
        ClientSession session = byConnection.remove(connectionId);
        if (session != null) {
            sessions.remove(session);
        }
    }

    /** A frame over quarkus.websockets-next.server.max-message-size closes this connection with 1009 (message too big). */
    @OnError
    public Uni<Void> onError(IllegalStateException failure, WebSocketConnection connection) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (message.contains("max message size")) {
            return connection.close(new CloseReason(CLOSE_TOO_BIG, "frame too large"));
        }
        LOGGER.errorv("WebSocket failure: {0}", failure.getClass().getName());
        return connection.close(new CloseReason(1011, "internal error"));
    }

    @OnTextMessage
    public Uni<Void> onText(String text, WebSocketConnection connection) {
        JsonObject frame;
        try {
            frame = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return reply(connection, Frames.error(null, "malformed_json", "a frame is one JSON object"));
        }
        Object id = frame.getValue("id");
        String type = frame.getValue("type") instanceof String t ? t : "";
        ClientSession session = byConnection.get(connection.id());
        Uni<JsonObject> answer;
        try {
            answer = session == null ? beforeHello(type, frame, connection) : command(session, type, frame);
        } catch (ApiException e) {
            answer = Uni.createFrom().failure(e);
        }
        return answer
                .onFailure(ApiException.class).recoverWithItem(failure -> Frames.error(id, (ApiException) failure))
                .onFailure().recoverWithItem(failure -> {
                    LOGGER.errorv("Frame {0} failed: {1}", type, failure.getClass().getName());
                    return Frames.error(id, "internal", "internal error; try again");
                })
                .chain(reply -> reply == null ? Uni.createFrom().voidItem() : reply(connection, reply.put("re", id)));
    }

    private Uni<JsonObject> beforeHello(String type, JsonObject frame, WebSocketConnection connection) {
        if (!"hello".equals(type)) {
            throw new ApiException(401, "hello_required", "the first frame must be hello with an access token");
        }
        Object token = frame.getValue("token");
        if (!(token instanceof String value) || value.isBlank()) {
            throw new ApiException(401, "token_invalid", "hello needs the device's access token");
        }
        Map<UUID, Long> cursors = cursors(frame.getValue("cursors"));
        Context context = Vertx.currentContext();
        return devices.authenticate(value).chain(caller -> {
            if (caller.isEmpty()) {
                connection.sendText(Frames.error(frame.getValue("id"), "token_invalid",
                        "the access token is unknown, expired or revoked; refresh it and connect again").encode())
                        .chain(() -> connection.close(new CloseReason(ClientSession.CLOSE_UNAUTHORIZED, "token invalid")))
                        .subscribe().with(done -> { }, failure -> { });
                return Uni.createFrom().nullItem();
            }
            ClientSession session = new ClientSession(connection, context, caller.get(), history);
            byConnection.put(connection.id(), session);
            sessions.add(session);
            if (!connection.isOpen()) {
                // Closed while the token was being checked: onClose has run already and found nothing to remove.
                forget(connection.id());
                return Uni.createFrom().nullItem();
            }
            return chats.list(caller.get().huid()).chain(list -> {
                JsonArray summaries = new JsonArray();
                Map<UUID, Long> lastSeq = new HashMap<>();
                for (ChatSummary chat : list) {
                    summaries.add(Frames.chat(chat));
                    lastSeq.put(chat.id(), chat.lastSeq());
                }
                session.send(new JsonObject().put("type", "welcome").put("re", frame.getValue("id")).put("protocol", PROTOCOL_VERSION)
                        .put("huid", caller.get().huid().toString()).put("device_id", caller.get().deviceId().toString())
                        .put("chats", summaries));
                return session.resume(lastSeq, cursors).map(done -> new JsonObject().put("type", "synced"));
            });
        });
    }

    private Uni<JsonObject> command(ClientSession session, String type, JsonObject frame) {
        UUID user = session.caller().huid();
        return switch (type) {
            case "ping" -> Uni.createFrom().item(new JsonObject().put("type", "pong"));
            case "send" -> commit(session, () -> log.append(requests.send(user, frame)));
            case "edit" -> commit(session, () -> log.append(requests.edit(user, frame)));
            case "delete" -> commit(session, () -> log.append(requests.delete(user, frame)));
            case "read", "delivered" -> {
                UUID chat = Frames.uuid(frame, "chat");
                long seq = Frames.seq(frame, "seq");
                yield receipts.mark(user, chat, seq, "read".equals(type)).map(stored -> new JsonObject().put("type", "ack")
                        .put("chat", chat.toString()).put("read".equals(type) ? "read_seq" : "delivered_seq", stored));
            }
            case "typing" -> receipts.typing(user, Frames.uuid(frame, "chat")).replaceWith((JsonObject) null);
            case "hello" -> throw ApiException.badRequest("already_authenticated", "this connection said hello already");
            default -> throw ApiException.badRequest("unknown_type", "unknown frame type '" + Frames.printable(type)
                    + "'; see docs/protocol.md");
        };
    }

    private Uni<JsonObject> commit(ClientSession session, java.util.function.Supplier<Uni<io.stratum.core.chat.Appended>> append) {
        if (!rates.tryTake(session.caller().huid())) {
            throw new ApiException(429, "rate_limited", "too many sends; slow down");
        }
        return append.get().map(Frames::ack);
    }

    private static Map<UUID, Long> cursors(Object value) {
        Map<UUID, Long> cursors = new HashMap<>();
        if (value == null) {
            return cursors;
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiException.badRequest("invalid_field", "cursors is an object {\"<chat id>\": <last seq held>}");
        }
        for (String key : object.fieldNames()) {
            UUID chat = Frames.uuid(new JsonObject().put("chat", key), "chat");
            Object seq = object.getValue(key);
            if (!(seq instanceof Number number) || number.longValue() < 0) {
                throw ApiException.badRequest("invalid_field", "each cursor is the last seq the device holds (0 or more)");
            }
            cursors.put(chat, number.longValue());
        }
        return cursors;
    }

    private static Uni<Void> reply(WebSocketConnection connection, JsonObject frame) {
        return connection.sendText(frame.encode()).onFailure().recoverWithNull().replaceWithVoid();
    }

    private static String ip(String remoteAddress) {
        if (remoteAddress == null) {
            return "unknown";
        }
        int colon = remoteAddress.lastIndexOf(':');
        return colon > 0 ? remoteAddress.substring(0, colon) : remoteAddress;
    }

    List<ClientSession> connected() {
        return List.copyOf(byConnection.values());
    }
}
