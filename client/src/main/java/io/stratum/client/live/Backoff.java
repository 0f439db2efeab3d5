package io.stratum.client.live;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Waits between reconnection attempts: doubling from {@code first} up to {@code max}, with ±20 % jitter. Not thread-safe. */
final class Backoff {
    private final long firstMillis;
    private final long maxMillis;
    private long next;

    Backoff(Duration first, Duration max) {
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.next = firstMillis;
    }

    long nextDelayMillis() {
        long base = next;
        next = Math.min(maxMillis, next * 2);
        long jitter = (long) (base * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Math.max(0, base + jitter);
    }

    void reset() {
        next = firstMillis;
    }
}
