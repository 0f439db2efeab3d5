package io.stratum.trusts.routing;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.stratum.core.api.ApiException;
import io.stratum.core.federation.FederationErrors;
import io.stratum.core.federation.FederationSignals;
import io.stratum.core.federation.SignalAnswers;
import io.stratum.core.server.ServerConfig;
import io.stratum.trusts.identity.ServerIdentity;
import io.stratum.trusts.identity.SigningKey;
import io.stratum.trusts.link.LinkAudit;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;

/**
 * Signals between servers ({@link FederationSignals}): an envelope in a {@code sig} frame, signed by
 * its origin, routed hop by hop like queued envelopes but never stored and never acknowledged. Its
 * payload is {@code {"exp": <epoch ms>, "body": {...}}} plus {@code "ask": <id>} for a question, and
 * the answer is a signal of kind {@value #ANSWER} with {@code "re": <id>} and either {@code body} or
 * {@code error} ({@code status}, {@code code}, {@code message}). A signal whose expiry has passed, or
 * lies more than {@link #MAX_LIFETIME} ahead, is dropped.
 */
@ApplicationScoped
public class Signals implements FederationSignals {
    static final String ANSWER = "answer";
    static final Duration MAX_LIFETIME = Duration.ofMinutes(2);
    private static final Logger LOGGER = Logger.getLogger(Signals.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Federation federation;
    private final ServerIdentity identity;
    private final ServerKeys keys;
    private final LinkAudit audit;
    private final Instance<SignalAnswers> answers;
    private final Vertx vertx;
    private final String ownId;
    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private volatile Map<String, SignalAnswers> byKind;

    public Signals(Federation federation, ServerIdentity identity, ServerKeys keys, LinkAudit audit, Instance<SignalAnswers> answers,
            Vertx vertx, ServerConfig server) {
        this.federation = federation;
        this.identity = identity;
        this.keys = keys;
        this.audit = audit;
        this.answers = answers;
        this.vertx = vertx;
        this.ownId = server.id();
    }

    private record Waiter(String destination, UniEmitter<? super JsonObject> emitter, long timer) {
    }

    @Override
    public boolean send(String destination, String kind, JsonObject payload) {
        return emit(destination, kind, new JsonObject().put("body", payload), DEFAULT_LIFETIME);
    }

    @Override
    public Uni<JsonObject> ask(String destination, String kind, JsonObject question, Duration timeout) {
        return Uni.createFrom().emitter(emitter -> {
            String id = UUID.randomUUID().toString();
            long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), t -> {
                Waiter late = waiting.remove(id);
                if (late != null) {
                    late.emitter().fail(FederationErrors.timeout(destination));
                }
            });
            waiting.put(id, new Waiter(destination, emitter, timer));
            if (!emit(destination, kind, new JsonObject().put("ask", id).put("body", question), timeout)) {
                waiting.remove(id);
                vertx.cancelTimer(timer);
                emitter.fail(FederationErrors.unreachable(destination));
            }
        });
    }

    /** Signs and sends on the link towards {@code destination}; false when there is none (or no key yet). */
    private boolean emit(String destination, String kind, JsonObject payload, Duration lifetime) {
        Optional<SigningKey> key = identity.signingKey();
        if (key.isEmpty() || destination.equals(ownId)) {
            return false;
        }
        payload.put("exp", System.currentTimeMillis() + Math.min(lifetime.toMillis(), MAX_LIFETIME.toMillis()));
        Envelope envelope = Envelope.sign(key.get(), ownId, destination, RANDOM.nextLong() & Long.MAX_VALUE, kind, payload.encode());
        return federation.sendTowards(destination, frame(envelope));
    }

    private static JsonObject frame(Envelope envelope) {
        return new JsonObject().put("type", "sig").put("e", envelope.toJson());
    }

    /** A {@code sig} frame from the neighbour {@code via}: passed on towards its destination, or taken here. */
    void received(String via, JsonObject frame) {
        Envelope envelope;
        JsonObject payload;
        try {
            envelope = Envelope.fromJson(frame.getJsonObject("e"));
            payload = envelope.payloadJson();
        } catch (RuntimeException e) {
            LOGGER.debugv("Unreadable signal from {0} dropped", via);
            return;
        }
        long expires = payload.getValue("exp") instanceof Number exp ? exp.longValue() : 0;
        long now = System.currentTimeMillis();
        if (expires < now || expires > now + MAX_LIFETIME.toMillis()) {
            LOGGER.debugv("Signal {0} from {1} expired or out of range, dropped", envelope.kind(), envelope.origin());
            return;
        }
        if (!ownId.equals(envelope.to())) {
            if (envelope.hops() > 1) {
                federation.sendTowards(envelope.to(), frame(envelope.relayed()));
            }
            return;
        }
        Optional<byte[]> key = keys.key(envelope.origin());
        if (key.isEmpty()) {
            LOGGER.debugv("Signal from {0}, whose key is not known yet, dropped", envelope.origin());
            return;
        }
        if (!envelope.verify(key.get())) {
            audit.envelopeRefused(envelope.origin(), via, "bad_signature");
            return;
        }
        if (ANSWER.equals(envelope.kind())) {
            answered(envelope.origin(), payload);
        } else {
            take(envelope.origin(), envelope.kind(), payload);
        }
    }

    private void answered(String origin, JsonObject payload) {
        String id = payload.getString("re");
        Waiter waiter = id == null ? null : waiting.get(id);
        if (waiter == null || !waiter.destination().equals(origin) || !waiting.remove(id, waiter)) {
            return;
        }
        vertx.cancelTimer(waiter.timer());
        JsonObject error = payload.getJsonObject("error");
        if (error != null) {
            waiter.emitter().fail(new ApiException(error.getInteger("status", 502), error.getString("code", "remote_failure"),
                    error.getString("message", "the other server refused")));
        } else {
            waiter.emitter().complete(payload.getJsonObject("body", new JsonObject()));
        }
    }

    private void take(String origin, String kind, JsonObject payload) {
        SignalAnswers handler = handlers().get(kind);
        String ask = payload.getString("ask");
        if (handler == null) {
            LOGGER.debugv("Signal of unknown kind {0} from {1} dropped", kind, origin);
            reply(origin, ask, null, new ApiException(400, "unknown_signal", "this server does not know signals of kind " + kind));
            return;
        }
        Uni<JsonObject> answer;
        try {
            answer = handler.answer(origin, payload.getJsonObject("body", new JsonObject()));
        } catch (RuntimeException e) {
            answer = Uni.createFrom().failure(e);
        }
        answer.subscribe().with(body -> reply(origin, ask, body == null ? new JsonObject() : body, null), failure -> {
            if (!(failure instanceof ApiException)) {
                LOGGER.warnv("Signal {0} from {1} failed: {2}", kind, origin, failure.getClass().getName());
            }
            reply(origin, ask, null, failure);
        });
    }

    private void reply(String origin, String ask, JsonObject body, Throwable failure) {
        if (ask == null) {
            return;
        }
        JsonObject payload = new JsonObject().put("re", ask);
        if (failure == null) {
            payload.put("body", body);
        } else if (failure instanceof ApiException refusal) {
            payload.put("error", new JsonObject().put("status", refusal.status()).put("code", refusal.code()).put("message", refusal.getMessage()));
        } else {
            payload.put("error", new JsonObject().put("status", 502).put("code", "remote_failure").put("message", "the other server failed to answer"));
        }
        emit(origin, ANSWER, payload, DEFAULT_LIFETIME);
    }

    private Map<String, SignalAnswers> handlers() {
        Map<String, SignalAnswers> known = byKind;
        if (known == null) {
            known = new HashMap<>();
            for (SignalAnswers handler : answers) {
                known.put(handler.kind(), handler);
            }
            byKind = known;
        }
        return known;
    }
}
