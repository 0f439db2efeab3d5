package io.stratum.trusts.records;

import java.util.LinkedHashMap;
import java.util.Map;

/** A trust draft that cannot be saved: the problem of each field, worded for the administrator. */
public class TrustInvalid extends RuntimeException {
    private final Map<String, String> errors;

    public TrustInvalid(Map<String, String> errors) {
        super(String.join("; ", errors.values()));
        this.errors = Map.copyOf(new LinkedHashMap<>(errors));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
