package io.stratum.core.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class KeySealTest {
    private static final String BASE = "0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void shouldOpenWhatItSealedForTheSameOwner() {
        KeySeal seal = new KeySeal(BASE, "test");
        byte[] secret = "a private key".getBytes(StandardCharsets.UTF_8);

        assertArrayEquals(secret, seal.unseal(seal.seal(secret, "cts-a"), "cts-a"));
    }

    @Test
    void shouldRefuseAnotherOwnerAnAlteredValueOrAnotherSecretKeyBase() {
        KeySeal seal = new KeySeal(BASE, "test");
        byte[] sealed = seal.seal("a private key".getBytes(StandardCharsets.UTF_8), "cts-a");

        assertThrows(KeySeal.UnsealException.class, () -> seal.unseal(sealed, "cts-b"));
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(KeySeal.UnsealException.class, () -> seal.unseal(altered, "cts-a"));
        assertThrows(KeySeal.UnsealException.class, () -> new KeySeal(BASE + "x", "test").unseal(sealed, "cts-a"));
        assertThrows(KeySeal.UnsealException.class, () -> seal.unseal(new byte[5], "cts-a"));
    }
}
