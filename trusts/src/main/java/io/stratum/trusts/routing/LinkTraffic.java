package io.stratum.trusts.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.stratum.trusts.link.TrustLink;
import io.vertx.core.json.JsonObject;

/**
 * The envelopes on one trust link, both ways.
 *
 * <p>Sending: reads {@code federation_outbox} in id order for the destinations whose next hop is this
 * link, sends each as {@code env} with its outbox id {@code n}, keeps at most {@link #WINDOW}
 * unacknowledged, and lets the {@link Federation} delete a row when the remote acknowledges it. A
 * new link (or a change of routes) starts again from the oldest row: whatever was not acknowledged is
 * sent again, and the receiver's effects are idempotent.
 *
 * <p>Receiving: takes the remote's {@code env} frames one at a time, in order, and answers each with
 * {@code ack} once its effect is durable, {@code ack} with {@code refused} when it can never take
 * effect, or {@code nack} when it should come again later.
 */
final class LinkTraffic {
    static final int WINDOW = 256;
    static final int PAGE = 128;
    private static final Logger LOGGER = Logger.getLogger(LinkTraffic.class);

    private final TrustLink link;
    private final Federation federation;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Queue<JsonObject> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean applying = new AtomicBoolean();
    private final List<JsonObject> early = new ArrayList<>();
    private long cursor;
    private boolean scanning;
    private boolean again;
    private volatile boolean ready;
    private volatile boolean closed;

    LinkTraffic(TrustLink link, Federation federation) {
        this.link = link;
        this.federation = federation;
    }

    TrustLink link() {
        return link;
    }

    String remote() {
        return link.remoteId();
    }

    int unacknowledged() {
        return inFlight.size();
    }

    /** The remote's trust kind is known: frames that came before are handled now. */
    void ready() {
        List<JsonObject> waiting;
        synchronized (early) {
            ready = true;
            waiting = new ArrayList<>(early);
            early.clear();
        }
        waiting.forEach(this::onFrame);
    }

    void close() {
        closed = true;
    }

    void onFrame(JsonObject frame) {
        if (!ready) {
            synchronized (early) {
                if (!ready) {
                    early.add(frame);
                    return;
                }
            }
        }
        switch (frame.getString("type", "")) {
            case "routes" -> federation.routesFrom(this, frame);
            case "env" -> {
                incoming.add(frame);
                applyNext();
            }
            case "ack" -> acknowledged(frame);
            case "nack" -> notTaken(frame);
            default -> LOGGER.debugv("Frame of unknown type from {0} ignored", remote());
        }
    }

    /** Sends what is due, up to the window. */
    void pump() {
        long from;
        synchronized (this) {
            if (closed || !ready) {
                return;
            }
            if (scanning) {
                again = true;
                return;
            }
            if (inFlight.size() >= WINDOW) {
                return;
            }
            scanning = true;
            again = false;
            from = cursor;
        }
        federation.due(remote(), from, PAGE).subscribe().with(rows -> {
            int sent = 0;
            for (Federation.Due due : rows) {
                synchronized (this) {
                    cursor = Math.max(cursor, due.id());
                }
                if (!closed && inFlight.add(due.id())) {
                    link.send(new JsonObject().put("type", "env").put("n", due.id()).put("e", due.envelope().toJson()));
                    sent++;
                }
            }
            boolean more;
            synchronized (this) {
                scanning = false;
                more = again || rows.size() == PAGE;
            }
            if (more && sent >= 0) {
                if (link.congested()) {
                    link.onDrain(this::pump);
                } else {
                    pump();
                }
            }
        }, failure -> {
            synchronized (this) {
                scanning = false;
            }
            LOGGER.warnv("Reading the outbox for {0} failed: {1}", remote(), failure.getClass().getName());
        });
    }

    /** Starts again from the oldest queued row (routes changed, or the remote asked for a row again). */
    void rescan() {
        synchronized (this) {
            cursor = 0;
            again = true;
        }
        pump();
    }

    private void acknowledged(JsonObject frame) {
        Long n = frame.getLong("n");
        if (n == null || !inFlight.remove(n)) {
            return;
        }
        String refused = frame.getString("refused");
        if (refused != null) {
            LOGGER.warnv("{0} refused envelope {1} for good: {2}", remote(), n, refused);
        }
        federation.forget(n);
        pump();
    }

    private void notTaken(JsonObject frame) {
        Long n = frame.getLong("n");
        if (n != null && inFlight.remove(n)) {
            LOGGER.debugv("{0} asks for envelope {1} again later: {2}", remote(), n, frame.getString("code"));
            federation.later(this::rescan);
        }
    }

    private void applyNext() {
        if (!applying.compareAndSet(false, true)) {
            return;
        }
        JsonObject frame = incoming.poll();
        if (frame == null) {
            applying.set(false);
            if (!incoming.isEmpty()) {
                applyNext();
            }
            return;
        }
        Object n = frame.getValue("n");
        federation.receive(this, frame.getValue("e") instanceof JsonObject envelope ? envelope : null).subscribe().with(outcome -> {
            JsonObject answer = new JsonObject().put("type", outcome.retry() ? "nack" : "ack").put("n", n);
            if (outcome.code() != null) {
                answer.put(outcome.retry() ? "code" : "refused", outcome.code());
            }
            if (!closed) {
                link.send(answer);
            }
            applying.set(false);
            applyNext();
        }, failure -> {
            LOGGER.warnv("Envelope {0} from {1} not applied: {2}", n, remote(), failure.getClass().getName());
            if (!closed) {
                link.send(new JsonObject().put("type", "nack").put("n", n).put("code", "unavailable"));
            }
            applying.set(false);
            applyNext();
        });
    }
}
