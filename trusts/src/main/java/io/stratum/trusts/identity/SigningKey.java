package io.stratum.trusts.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 key pair (bouncycastle): signs with the private half, publishes the 32-byte public half. */
public final class SigningKey {
    public static final String ALGORITHM = "Ed25519";

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private SigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    public static SigningKey generate() {
        return new SigningKey(new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    /** From the 32-byte private key as {@link #privateKeyBytes()} returns it. */
    public static SigningKey fromPrivateKey(byte[] encoded) {
        return new SigningKey(new Ed25519PrivateKeyParameters(encoded, 0));
    }

    public byte[] privateKeyBytes() {
        return privateKey.getEncoded();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** SHA-256 of the public key, hex: what administrators compare when pinning a peer. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** True if {@code signature} is this public key's signature of {@code message}. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
