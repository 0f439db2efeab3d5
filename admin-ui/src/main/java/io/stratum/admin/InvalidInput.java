package io.stratum.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input an administrator can correct: each field with what is wrong with it, in words shown next
 * to the field (the console) or returned as {@code 400 {"errors":{field: message}}} (the API).
 */
public final class InvalidInput extends RuntimeException {
    private final Map<String, String> errors;

    public InvalidInput(Map<String, String> errors) {
        super(String.join("; ", errors.values()));
        this.errors = Map.copyOf(new LinkedHashMap<>(errors));
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
