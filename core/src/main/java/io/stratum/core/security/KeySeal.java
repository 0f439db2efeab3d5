package io.stratum.core.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Seals secrets at rest with AES-256-GCM under a key derived (HKDF-SHA-256) from
 * {@code secret_key_base} and a purpose label. The associated data binds a sealed value to its
 * owner (for example the server id), so a sealed key copied to another row does not open.
 * Layout: 12-byte nonce, then ciphertext with its 16-byte tag.
 */
public final class KeySeal {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public KeySeal(String secretKeyBase, String purpose) {
        this.key = new SecretKeySpec(derive(secretKeyBase, purpose), "AES");
    }

    /** 32 bytes derived (HKDF-SHA-256) from secret_key_base for one purpose; other purposes get unrelated keys. */
    public static byte[] derive(String secretKeyBase, String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secretKeyBase.getBytes(StandardCharsets.UTF_8), null,
                ("stratum " + purpose).getBytes(StandardCharsets.UTF_8)));
        byte[] derived = new byte[32];
        hkdf.generateBytes(derived, 0, derived.length);
        return derived;
    }

    /** Thrown when a sealed value was altered, belongs to someone else, or secret_key_base changed. */
    public static final class UnsealException extends RuntimeException {
        UnsealException(String message) {
            super(message);
        }
    }

    public byte[] seal(byte[] secret, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, owner).doFinal(secret);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    public byte[] unseal(byte[] sealed, String owner) {
        if (sealed.length <= NONCE_BYTES) {
            throw new UnsealException("sealed value too short");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), owner)
                    .doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new UnsealException("cannot unseal: altered, another owner's, or secret_key_base changed");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
