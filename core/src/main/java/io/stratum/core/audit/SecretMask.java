package io.stratum.core.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Replaces the values of secret-looking keys, at any depth, by {@value #MASK}. */
public final class SecretMask {
    public static final String MASK = "***";
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "token", "key", "totp", "pin");

    private SecretMask() {
    }

    /** A copy with secret values masked and keys sorted (the canonical order that is hashed). */
    public static Map<String, Object> mask(Map<String, ?> values) {
        Map<String, Object> masked = new TreeMap<>();
        values.forEach((key, value) -> masked.put(key, isSecret(key) && value != null ? MASK : maskValue(value)));
        return masked;
    }

    /** Whether a key names a secret. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    @SuppressWarnings("unchecked")
    private static Object maskValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return mask(copy);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SecretMask::maskValue).toList();
        }
        return value;
    }
}
