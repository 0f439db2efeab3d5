package io.stratum.core.files;

import java.util.Map;

import org.jboss.logging.Logger;

import io.stratum.core.api.ApiException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The errors of file transfers, and writing any {@link ApiException} as the API's JSON error. */
final class FileErrors {
    private static final Logger LOGGER = Logger.getLogger(FileErrors.class);

    private FileErrors() {
    }

    static ApiException noSuchChat() {
        return ApiException.notFound("no_such_chat", "there is no such chat, or you are not a member of it");
    }

    static ApiException noSuchFile() {
        return ApiException.notFound("no_such_file", "there is no such file, or you are not a member of the chat it was sent to");
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "file_too_large", "the file is larger than this server accepts (" + limit + " bytes)",
                Map.of("max_size", limit));
    }

    static ApiException busy() {
        return new ApiException(503, "files_busy", "too many file transfers are in progress; try again shortly");
    }

    static ApiException storageUnavailable() {
        return new ApiException(503, "storage_unavailable", "the file storage cannot be used right now; try again later");
    }

    static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid_field", message, Map.of("field", field));
    }

    /** Answers with the error, unless an answer has already begun. */
    static void send(HttpServerResponse response, Throwable failure) {
        if (response.ended() || response.headWritten() || response.closed()) {
            return;
        }
        ApiException error;
        if (failure instanceof ApiException api) {
            error = api;
        } else {
            LOGGER.errorv("File request failed: {0}", failure.getClass().getName());
            LOGGER.debug("File request failure", failure);
            error = new ApiException(500, "internal", "internal error; the server's log has the details");
        }
        JsonObject body = new JsonObject().put("code", error.code()).put("message", error.getMessage());
        error.details().forEach(body::put);
        response.setStatusCode(error.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", body).encode());
    }
}
