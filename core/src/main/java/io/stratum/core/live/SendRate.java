package io.stratum.core.live;

/**
 * A token bucket: {@code perSecond} sustained, {@code burst} at once. Not thread-safe: {@link SendRates}
 * touches a bucket only inside its map's per-key {@code compute}, which serialises the user's sessions.
 */
final class SendRate {
    private final double perNano;
    private final int burst;
    private double tokens;
    private long last;

    SendRate(int perSecond, int burst, long now) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    boolean tryTake(long now) {
        refill(now);
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }

    /** True once the bucket has refilled completely: dropping it then changes nothing a user could notice. */
    boolean isFull(long now) {
        refill(now);
        return tokens >= burst;
    }

    private void refill(long now) {
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
    }
}
