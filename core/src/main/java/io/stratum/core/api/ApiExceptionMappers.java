package io.stratum.core.api;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Maps failures to the API error shape once, for every REST resource. Anything unexpected becomes
 * a 500 {@code internal} with no detail (the class is logged, never the message, which may hold
 * data); everything a client can cause has its own code.
 */
public class ApiExceptionMappers {
    private static final Logger LOGGER = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return response(e.status(), e.code(), e.getMessage(), e.details());
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return response(400, "malformed_json", "the request body is not valid JSON of the expected shape", Map.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return response(401, "unauthorized", "a valid access token is required (Authorization: Bearer ...)", Map.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(403, "forbidden", "you are not allowed to do this", Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOGGER.errorv("Request failed: {0}", e.getClass().getName());
        }
        String code = switch (status) {
            // Quarkus REST reports a body it cannot read as JSON of the declared type as a plain 400.
            case 400 -> "malformed_json";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406, 415 -> "unsupported_media_type";
            case 413 -> "too_large";
            default -> status >= 500 ? "internal" : "bad_request";
        };
        return response(status, code, status >= 500 ? "internal error" : describe(status), Map.of());
    }

    /** Anything no other mapper claims: a bug or an outage. Only the class is logged: messages may quote data. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOGGER.errorv("Request failed unexpectedly: {0}", e.getClass().getName());
        LOGGER.debug("Unexpected failure", e);
        return response(500, "internal", "internal error; the server's log has the details", Map.of());
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 406, 415 -> "send and accept application/json";
            case 413 -> "the request is too large";
            case 400 -> "the request body is not valid JSON of the expected shape";
            default -> "the request is not valid";
        };
    }

    static Response response(int status, String code, String message, Map<String, Object> details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(code, message, details)).build();
    }
}
