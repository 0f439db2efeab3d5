package io.stratum.deploy.postgres;

import java.util.regex.Pattern;

/** Role and database names the stratum command creates: plain lower-case identifiers only. */
final class Identifiers {
    private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Identifiers() {
    }

    static void requireSafe(String name) {
        if (!SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("`" + name + "` is not a plain PostgreSQL name (lower-case letters, digits, _)");
        }
    }
}
