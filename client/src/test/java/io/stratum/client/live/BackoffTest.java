package io.stratum.client.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void shouldDoubleTheWaitUpToTheMaximumAndStartOverAfterAReset() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        long[] bases = {100, 200, 400, 800, 1000, 1000};
        for (long base : bases) {
            long delay = backoff.nextDelayMillis();
            assertTrue(delay >= base * 0.8 && delay <= base * 1.2, "wait " + delay + " for base " + base);
        }
        backoff.reset();
        long first = backoff.nextDelayMillis();
        assertTrue(first >= 80 && first <= 120, "wait " + first + " after reset");
    }
}
