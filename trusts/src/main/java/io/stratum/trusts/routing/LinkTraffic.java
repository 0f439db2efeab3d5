package io.stratum.trusts.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * unacknowledged, and lets the {@link Federation} delete a row when the remote acknowledges it. Each
 * read takes the oldest rows not in flight, so a new link (or a change of routes) sends again whatever
 * was not acknowledged; the receiver's effects are idempotent. A row the remote asks for again later
 * ({@code nack}) waits a second.
 *
 * <p>Receiving: takes the remote's {@code env} frames one at a time, in order, and answers each with
 * {@code ack} once its effect is durable, {@code ack} with {@code refused} when it can never take
 * effect, or {@code nack} when it should come again later.
 */
final class LinkTraffic {
    static final int WINDOW = 256;
    static final int PAGE = 128;
    static final int BATCH = 64;
    private static final Logger LOGGER = Logger.getLogger(LinkTraffic.class);

    private final TrustLink link;
    private final Federation federation;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Queue<JsonObject> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean applying = new AtomicBoolean();
    private final List<JsonObject> early = new ArrayList<>();
    private final Map<Long, Long> deferred = new ConcurrentHashMap<>();
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

    boolean isReady() {
        return ready && !closed;
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
            case "sig" -> federation.signalFrom(this, frame);
            case "env" -> {
                incoming.add(frame);
                applyNext();
            }
            case "ack" -> acknowledged(frame);
            case "nack" -> notTaken(frame);
            default -> LOGGER.debugv("Frame of unknown type from {0} ignored", remote());
        }
    }

    /**
     * Sends what is due, up to the window: the oldest rows for this link that are neither waiting for
     * their acknowledgement nor deferred. (No cursor: a row committed late with a smaller id than one
     * already sent is still found.)
     */
    void pump() {
        Set<Long> exclude;
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
            long now = System.nanoTime();
            deferred.values().removeIf(until -> until - now <= 0);
            exclude = new java.util.HashSet<>(inFlight);
            exclude.addAll(deferred.keySet());
        }
        federation.due(remote(), exclude, PAGE).subscribe().with(rows -> {
            for (Federation.Due due : rows) {
                if (!closed && inFlight.add(due.id())) {
                    link.send(new JsonObject().put("type", "env").put("n", due.id()).put("e", due.envelope().toJson()));
                }
            }
            boolean more;
            synchronized (this) {
                scanning = false;
                more = again || rows.size() == PAGE;
            }
            if (more) {
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

    /** Looks again (routes changed): what is now due on this link is sent. */
    void rescan() {
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
            deferred.put(n, System.nanoTime() + 1_000_000_000L);
            federation.later(this::pump);
        }
    }

    /** Takes up to {@link #BATCH} waiting envelopes at a time, in order, and answers each. */
    private void applyNext() {
        if (!applying.compareAndSet(false, true)) {
            return;
        }
        List<JsonObject> frames = new ArrayList<>();
        for (JsonObject next; frames.size() < BATCH && (next = incoming.poll()) != null; ) {
            frames.add(next);
        }
        if (frames.isEmpty()) {
            applying.set(false);
            if (!incoming.isEmpty()) {
                applyNext();
            }
            return;
        }
        List<JsonObject> envelopes = frames.stream().map(frame -> frame.getValue("e") instanceof JsonObject envelope ? envelope : null).toList();
        federation.receive(this, envelopes).subscribe().with(outcomes -> {
            for (int i = 0; i < frames.size(); i++) {
                Federation.Outcome outcome = outcomes.get(i);
                JsonObject answer = new JsonObject().put("type", outcome.retry() ? "nack" : "ack").put("n", frames.get(i).getValue("n"));
                if (outcome.code() != null) {
                    answer.put(outcome.retry() ? "code" : "refused", outcome.code());
                }
                if (!closed) {
                    link.send(answer);
                }
            }
            applying.set(false);
            applyNext();
        }, failure -> {
            LOGGER.warnv("{0} envelopes from {1} not applied: {2}", frames.size(), remote(), failure.getClass().getName());
            if (!closed) {
                frames.forEach(frame -> link.send(new JsonObject().put("type", "nack").put("n", frame.getValue("n")).put("code", "unavailable")));
            }
            applying.set(false);
            applyNext();
        });
    }
}
