package io.stratum.core.federation;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Handles the signals of one {@link #kind()} that arrive for this server, after the origin's signature
 * was checked and the expiry found in the future. A bean; the trust links find every one.
 *
 * <p>Contract: for a question ({@link FederationSignals#ask}) the returned answer goes back to the
 * origin; a failure with an {@link io.stratum.core.api.ApiException} goes back as that refusal; any
 * other failure as 500 {@code remote_failure}. For a plain signal the answer is ignored (may be null).
 * Must not block: it runs on an event loop.
 */
public interface SignalAnswers {
    String kind();

    Uni<JsonObject> answer(String origin, JsonObject payload);
}
