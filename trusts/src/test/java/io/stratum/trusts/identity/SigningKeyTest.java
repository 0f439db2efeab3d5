package io.stratum.trusts.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SigningKeyTest {
    @Test
    void shouldSignAndVerifyWithEd25519() {
        SigningKey key = SigningKey.generate();
        byte[] message = "envelope".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);

        assertTrue(SigningKey.verify(key.publicKey(), message, signature));
        assertFalse(SigningKey.verify(key.publicKey(), "envelopf".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(SigningKey.verify(SigningKey.generate().publicKey(), message, signature));
        SigningKey restored = SigningKey.fromPrivateKey(key.privateKeyBytes());
        assertArrayEquals(key.publicKey(), restored.publicKey());
        assertTrue(restored.fingerprint().matches("[0-9a-f]{64}"));
    }
}
