package io.stratum.client.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * JSON over HTTP to one server. Answers with 2xx return the body (or {@link NullNode} when empty);
 * any other answer throws {@link StratumException} with the protocol's error code. Thread-safe;
 * every call blocks its caller until the answer arrives or {@code timeout} passes.
 */
public final class RestCalls {
    private final URI server;
    private final HttpClient http;
    private final Duration timeout;

    public RestCalls(URI server, HttpClient http, Duration timeout) {
        String text = server.toString();
        this.server = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = http;
        this.timeout = timeout;
    }

    public URI server() {
        return server;
    }

    public HttpClient http() {
        return http;
    }

    /** Calls {@code method path} with an optional JSON body and bearer token (both may be null). */
    public JsonNode call(String method, String path, JsonNode body, Supplier<String> token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).timeout(timeout)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token.get());
        }
        return answer(send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** The absolute URI of {@code path} on this server. */
    public URI uri(String path) {
        return URI.create(server + path);
    }

    /**
     * Sends a request built elsewhere (streamed bodies: files), translating a failure to reach the
     * server into a {@link StratumException#TRANSPORT} failure. The answer's status is not checked.
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw StratumException.transport("cannot reach " + server + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StratumException.transport("interrupted while calling " + server, e);
        }
    }

    private static JsonNode answer(HttpResponse<String> response) {
        String text = response.body() == null ? "" : response.body();
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), text);
        }
        if (text.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.parse(text);
        } catch (RuntimeException e) {
            throw StratumException.transport("the server answered something that is not JSON", e);
        }
    }

    /** The failure a non-2xx answer with body {@code text} stands for: the protocol's error object, else {@code http_<status>}. */
    public static StratumException failure(int status, String text) {
        JsonNode error = NullNode.getInstance();
        if (text != null && !text.isBlank()) {
            try {
                error = Json.parse(text).path("error");
            } catch (RuntimeException notJson) {
                // an answer from something other than Stratum (a proxy's error page): the status says enough
            }
        }
        if (error.isObject()) {
            String code = Json.text(error, "code");
            String message = Json.text(error, "message");
            return new StratumException(status, code == null ? "http_" + status : code, message == null ? code : message, error);
        }
        return new StratumException(status, "http_" + status, "the server answered HTTP " + status, null);
    }
}
