package io.stratum.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.stratum.admin.auth.Totp;

/** RFC 6238 appendix B test vectors (SHA-1, 8 digits there; the last 6 digits here) and the verify rules. */
class TotpTest {
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldMatchTheRfc6238TestVectors() {
        assertEquals("287082", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109))));
        assertEquals("050471", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111111))));
        assertEquals("005924", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890))));
        assertEquals("279037", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000))));
    }

    @Test
    void shouldAcceptTheNeighbouringStepsOnlyOnce() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        assertEquals(step - 1, Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, 0).getAsLong());
        assertTrue(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0).isEmpty());
        assertTrue(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step), now, step).isEmpty(), "a used step is refused");
        assertTrue(Totp.verify(RFC_SECRET, "12345", now, 0).isEmpty());
        assertTrue(Totp.verify(RFC_SECRET, null, now, 0).isEmpty());
    }

    @Test
    void shouldRoundTripBase32() {
        byte[] secret = Totp.newSecret();
        assertArrayEquals(secret, Totp.fromBase32(Totp.base32(secret)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_SECRET));
    }
}
