package io.stratum.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SendRatesTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final SendRates rates = new SendRates(2, 3, now::get, null);

    @Test
    void shouldShareOneBudgetAmongAllSendsOfAUser() {
        UUID user = UUID.randomUUID();

        assertTrue(rates.tryTake(user));
        assertTrue(rates.tryTake(user));
        assertTrue(rates.tryTake(user));

        assertFalse(rates.tryTake(user), "the burst of 3 is used up, whichever device sent");
    }

    @Test
    void shouldKeepUsersApart() {
        UUID busy = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            rates.tryTake(busy);
        }

        assertTrue(rates.tryTake(UUID.randomUUID()));
    }

    @Test
    void shouldRefillAtTheSustainedRate() {
        UUID user = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            rates.tryTake(user);
        }

        now.addAndGet(SECOND);

        assertTrue(rates.tryTake(user));
        assertTrue(rates.tryTake(user));
        assertFalse(rates.tryTake(user), "two sends a second, sustained");
    }

    @Test
    void shouldDropOnlyBucketsThatHaveRefilled() {
        UUID idle = UUID.randomUUID();
        UUID busy = UUID.randomUUID();
        rates.tryTake(idle);
        now.addAndGet(SECOND);
        for (int i = 0; i < 3; i++) {
            rates.tryTake(busy);
        }

        rates.dropIdle();

        assertEquals(1, rates.tracked());
        assertFalse(rates.tryTake(busy), "the busy user's budget is kept");
    }
}
