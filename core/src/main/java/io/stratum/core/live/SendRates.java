package io.stratum.core.live;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.stratum.core.boot.Periodic;
import io.stratum.core.chat.SendBudget;

/**
 * The send budget of each user on this instance ({@link LiveConfig#sendsPerSecond()}, {@link LiveConfig#sendBurst()}),
 * shared by all the user's connected devices, so that a second device does not double what a user may send.
 * Safe from any event loop: a bucket is only read and changed inside {@link ConcurrentHashMap#compute}.
 * Buckets that have refilled are dropped every minute; a new bucket starts full, so dropping one is invisible.
 */
@ApplicationScoped
public class SendRates implements SendBudget {
    private static final Duration SWEEP = Duration.ofMinutes(1);

    private final Map<UUID, SendRate> byUser = new ConcurrentHashMap<>();
    private final int perSecond;
    private final int burst;
    private final LongSupplier clock;
    private final Periodic periodic;

    @Inject
    public SendRates(LiveConfig config, Periodic periodic) {
        this(config.sendsPerSecond(), config.sendBurst(), System::nanoTime, periodic);
    }

    SendRates(int perSecond, int burst, LongSupplier clock, Periodic periodic) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
        this.periodic = periodic;
    }

    void onStart(@Observes StartupEvent event) {
        periodic.every(SWEEP, this::dropIdle);
    }

    @Override
    public boolean tryTake(UUID user) {
        boolean[] taken = {false};
        long now = clock.getAsLong();
        byUser.compute(user, (key, rate) -> {
            SendRate bucket = rate == null ? new SendRate(perSecond, burst, now) : rate;
            taken[0] = bucket.tryTake(now);
            return bucket;
        });
        return taken[0];
    }

    /** Forgets the buckets of users who have not sent for long enough to be back at a full burst. */
    void dropIdle() {
        long now = clock.getAsLong();
        for (UUID user : byUser.keySet()) {
            byUser.computeIfPresent(user, (key, rate) -> rate.isFull(now) ? null : rate);
        }
    }

    /** Users with a bucket that is not full (for tests). */
    int tracked() {
        return byUser.size();
    }
}
