package io.stratum.common.password;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The administrator password policy. {@link #check} names the first rule a password breaks, in
 * words an administrator can act on.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("password", "qwerty", "123456", "admin", "letmein",
            "welcome", "iloveyou", "monkey", "dragon", "111111", "abc123", "passw0rd");

    private PasswordPolicy() {
    }

    /** The broken rule, or empty when the password is acceptable for this user. */
    public static Optional<String> check(String username, String password) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("the password must have at most " + MAX_LENGTH + " characters");
        }
        if (password.chars().noneMatch(Character::isLetter)) {
            return Optional.of("the password must contain a letter");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            return Optional.of("the password must contain a digit");
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of("the password must use at least 5 different characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("the password must not contain the user name");
        }
        for (String common : COMMON) {
            if (lower.startsWith(common) && lower.substring(common.length()).chars().allMatch(Character::isDigit)) {
                return Optional.of("the password is a common password followed by digits");
            }
        }
        return Optional.empty();
    }
}
