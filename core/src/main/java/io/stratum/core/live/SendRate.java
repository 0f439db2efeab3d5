package io.stratum.core.live;

/** A token bucket: {@code perSecond} sustained, {@code burst} at once. Used on one session's event loop only. */
final class SendRate {
    private final double perNano;
    private final int burst;
    private double tokens;
    private long last = System.nanoTime();

    SendRate(int perSecond, int burst) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
    }

    boolean tryTake() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
