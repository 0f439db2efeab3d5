package io.stratum.trusts.link;

import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

/**
 * One authenticated link to a remote server, after the handshake. Keeps itself alive with pings
 * after {@code heartbeat} of silence and closes itself after three times that without any frame.
 * All callbacks run on the socket's event loop.
 */
public final class TrustLink {
    private static final Logger LOGGER = Logger.getLogger(TrustLink.class);

    private final Vertx vertx;
    private final NetSocket socket;
    private final String remoteId;
    private final boolean dialed;
    private final Instant since = Instant.now();
    private final Duration heartbeat;
    private volatile long lastHeard = System.nanoTime();
    private long timer = -1;
    private volatile java.util.function.Consumer<JsonObject> traffic = frame -> { };

    TrustLink(Vertx vertx, NetSocket socket, RecordParser frames, String remoteId, boolean dialed, Duration heartbeat) {
        this.vertx = vertx;
        this.socket = socket;
        this.remoteId = remoteId;
        this.dialed = dialed;
        this.heartbeat = heartbeat;
        frames.handler(this::onFrame);
        // Replaces the handshake's handler: after the handshake a failure is the link's, not a refusal.
        frames.exceptionHandler(failure -> {
            LOGGER.warnv("Trust link with {0} failed ({1}): closing", remoteId, failure.getClass().getSimpleName());
            socket.close();
        });
    }

    public String remoteId() {
        return remoteId;
    }

    /** Receives every frame after the handshake other than ping/pong, on the socket's event loop. */
    public void onTraffic(java.util.function.Consumer<JsonObject> handler) {
        this.traffic = handler;
    }

    boolean dialed() {
        return dialed;
    }

    Instant since() {
        return since;
    }

    /** Starts the heartbeat; {@code onClose} runs once when the socket closes for any reason. */
    void start(Runnable onClose) {
        socket.closeHandler(closed -> {
            vertx.cancelTimer(timer);
            onClose.run();
        });
        timer = vertx.setPeriodic(Math.max(250, heartbeat.toMillis() / 2), id -> {
            long silentMillis = (System.nanoTime() - lastHeard) / 1_000_000;
            if (silentMillis > heartbeat.toMillis() * 3) {
                LOGGER.warnv("Trust link with {0} silent for {1} ms: closing", remoteId, silentMillis);
                socket.close();
            } else if (silentMillis >= heartbeat.toMillis()) {
                send(new JsonObject().put("type", "ping"));
            }
        });
    }

    /** Writes a frame; safe from any thread. */
    public void send(JsonObject frame) {
        socket.write(LinkFrames.encode(frame));
    }

    /** Whether the socket's write queue is full (the caller should wait for {@link #onDrain}). */
    public boolean congested() {
        return socket.writeQueueFull();
    }

    /** Runs {@code then} once when a congested socket can take frames again. */
    public void onDrain(Runnable then) {
        socket.drainHandler(done -> then.run());
    }

    public void close() {
        socket.close();
    }

    private void onFrame(io.vertx.core.buffer.Buffer line) {
        lastHeard = System.nanoTime();
        JsonObject frame;
        try {
            frame = line.toJsonObject();
        } catch (RuntimeException e) {
            LOGGER.warnv("Trust link with {0}: unreadable frame ({1} bytes) ignored", remoteId, line.length());
            return;
        }
        String type = frame.getString("type");
        if ("ping".equals(type)) {
            send(new JsonObject().put("type", "pong"));
        } else if (!"pong".equals(type)) {
            traffic.accept(frame);
        }
    }
}
