package io.stratum.trusts.link;

import java.time.Instant;

/**
 * A trust's link as administrators see it.
 *
 * @param since       when the link connected (GREEN) or last changed state
 * @param lastProblem why the last attempt failed (a code such as {@code token_refused}), empty when none
 * @param failures    failed attempts since the last success (the retry backoff grows with them)
 * @param nextAttempt when this server dials again, null when it does not dial this trust or is connected
 * @param queued      envelopes waiting here for this server (sent directly or through relays), not yet acknowledged
 * @param oldestQueuedSeconds age of the oldest of them, 0 when none
 */
public record LinkStatus(String remoteId, LinkState state, Instant since, String lastProblem, int failures, Instant nextAttempt,
        boolean dialing, long queued, long oldestQueuedSeconds) {

    /** The state's colour in the console's style sheet: green, purple or red. */
    public String colour() {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
