package io.stratum.client.live;

import java.time.Duration;

/**
 * Timings of a {@link LiveSession}.
 *
 * @param firstRetry wait before the first reconnection attempt; doubles up to {@code maxRetry}
 * @param pingEvery how often a live connection is checked with a {@code ping}
 * @param pingTimeout a connection whose {@code pong} takes longer is dropped and reopened
 */
public record LiveOptions(Duration connectTimeout, Duration firstRetry, Duration maxRetry, Duration pingEvery, Duration pingTimeout) {
    public static LiveOptions defaults() {
        return new LiveOptions(Duration.ofSeconds(10), Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(15));
    }
}
