package io.stratum.admin;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * The console's services are called from JAX-RS worker threads (blocking endpoints) and wait there
 * for the reactive database client. Never call this from an event loop.
 */
public final class Await {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Await() {
    }

    public static <T> T of(Uni<T> uni) {
        return uni.await().atMost(TIMEOUT);
    }
}
