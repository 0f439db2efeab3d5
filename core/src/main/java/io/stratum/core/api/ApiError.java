package io.stratum.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body of every REST error: {@code {"error": {"code": ..., "message": ..., ...details}}}. */
public record ApiError(Map<String, Object> error) {
    public static ApiError of(String code, String message, Map<String, Object> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.putAll(details);
        return new ApiError(error);
    }
}
