package io.stratum.deploy.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling until something becomes true. */
public final class Waiting {
    private Waiting() {
    }

    /** Polls every 250 ms; true if the condition held before the timeout. */
    public static boolean until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
