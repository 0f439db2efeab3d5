package io.stratum.common.password;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Passwords are stored as bcrypt hashes in the {@code $2y$} form that {@code htpasswd -B} writes,
 * so administrators can also produce them with tools they know. Verification takes tens of
 * milliseconds by design: call it off the event loop.
 */
public final class PasswordHash {
    /** Cost 12: about a quarter of a second on the reference machine. */
    public static final int COST = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    public static String hash(String password) {
        return hash(password, COST);
    }

    public static String hash(String password, int cost) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password.getBytes(StandardCharsets.UTF_8), salt, cost);
    }

    /** True when the password matches the hash; false for a wrong password or a malformed hash. */
    public static boolean matches(String password, String hash) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
