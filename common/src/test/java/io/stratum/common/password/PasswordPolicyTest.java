package io.stratum.common.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    @Test
    void shouldAcceptTheReferenceGuideExample() {
        assertEquals(Optional.empty(), PasswordPolicy.check("admin", "veryinsecurepassword123"));
    }

    @Test
    void shouldNameEachBrokenRule() {
        assertEquals("the password must have at least 12 characters", PasswordPolicy.check("admin", "short1").orElseThrow());
        assertEquals("the password must contain a digit", PasswordPolicy.check("admin", "onlylettershere").orElseThrow());
        assertEquals("the password must contain a letter", PasswordPolicy.check("admin", "1234567890123").orElseThrow());
        assertEquals("the password must not contain the user name", PasswordPolicy.check("boris", "xBoris-2024-long").orElseThrow());
        assertEquals("the password is a common password followed by digits", PasswordPolicy.check("ann", "password12345").orElseThrow());
        assertEquals("the password must use at least 5 different characters", PasswordPolicy.check("ann", "a1a1a1a1a1a1a1").orElseThrow());
    }

    @Test
    void shouldVerifyBcryptHashes() {
        String hash = PasswordHash.hash("veryinsecurepassword123", 4);

        assertTrue(hash.startsWith("$2y$04$"));
        assertTrue(PasswordHash.matches("veryinsecurepassword123", hash));
        assertFalse(PasswordHash.matches("veryinsecurepassword124", hash));
        assertFalse(PasswordHash.matches("anything", "not-a-hash"));
    }
}
