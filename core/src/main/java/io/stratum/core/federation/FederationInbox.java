package io.stratum.core.federation;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Receives the envelopes addressed to this server, after the trust link has checked the origin's
 * signature. Called for one link's envelopes one at a time, in the order they arrived.
 *
 * <p>Contract: the returned Uni completes when the envelope's effect is durable (the link then
 * acknowledges it and the sender forgets it) and fails only when it should be delivered again later
 * (e.g. the database is unavailable). An envelope that can never take effect (not a member, unknown
 * chat) completes normally: it is answered, if at all, by an envelope back to the origin. Delivering
 * the same envelope twice has the effect of delivering it once.
 */
public interface FederationInbox {
    Uni<Void> accept(String origin, String kind, JsonObject payload);

    /** One checked envelope for {@link #acceptAll}. */
    record Incoming(String origin, String kind, JsonObject payload) {
    }

    /**
     * Takes several envelopes of one link, in order; completes when all their effects are durable,
     * fails when all should come again (their effects are idempotent, so a partial effect is no harm).
     * Implementations may apply them in fewer transactions than one each.
     */
    default Uni<Void> acceptAll(java.util.List<Incoming> envelopes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Incoming envelope : envelopes) {
            chain = chain.chain(() -> accept(envelope.origin(), envelope.kind(), envelope.payload()));
        }
        return chain;
    }
}
