package io.stratum.admin;

import io.stratum.core.api.ApiException;

/** Turns a core validation failure that names a field into the console's {@link InvalidInput}. */
public final class Fields {
    private Fields() {
    }

    /** Runs {@code action}; a 400 {@link ApiException} with a {@code field} detail becomes {@link InvalidInput} on that field. */
    public static <T> T checked(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            Object field = e.details().get("field");
            if (e.status() == 400 && field != null) {
                throw InvalidInput.of(field.toString(), e.getMessage());
            }
            throw e;
        }
    }
}
