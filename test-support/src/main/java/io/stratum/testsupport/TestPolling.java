package io.stratum.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something a server does in the background (a periodic refresh, a relay). */
public final class TestPolling {
    private TestPolling() {
    }

    /** Polls every 100 ms until the condition holds; fails the test after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
