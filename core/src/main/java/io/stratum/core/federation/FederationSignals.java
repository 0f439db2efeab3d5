package io.stratum.core.federation;

import java.time.Duration;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Signals to other servers: signed like envelopes and routed the same way, but never stored. A signal
 * goes out at once on the link towards its destination, or is dropped when there is none; it carries
 * its expiry, and a server drops one that arrives late. For what may be lost or asked again: typing,
 * questions (a profile, a search, a piece of a file) and their answers. What must arrive goes through
 * the {@link FederationQueue}.
 */
public interface FederationSignals {
    /** How long a signal lives unless said otherwise. */
    Duration DEFAULT_LIFETIME = Duration.ofSeconds(10);

    /** Sends a signal; false when no link leads towards {@code destination} now (nothing was sent). */
    boolean send(String destination, String kind, JsonObject payload);

    /**
     * Asks {@code destination} and completes with the answer of its {@link SignalAnswers} for
     * {@code kind}. Fails with {@link io.stratum.core.api.ApiException}: the destination's refusal as it
     * gave it (status and code), 502 {@code server_unreachable} when no link leads there, 504
     * {@code server_timeout} when no answer came within {@code timeout}.
     */
    Uni<JsonObject> ask(String destination, String kind, JsonObject question, Duration timeout);
}
