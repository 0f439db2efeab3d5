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
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw StratumException.transport("cannot reach " + server + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StratumException.transport("interrupted while calling " + server, e);
        }
        return answer(response);
    }

    private static JsonNode answer(HttpResponse<String> response) {
        String text = response.body() == null ? "" : response.body();
        JsonNode body = NullNode.getInstance();
        if (!text.isBlank()) {
            try {
                body = Json.parse(text);
            } catch (RuntimeException e) {
                if (response.statusCode() / 100 == 2) {
                    throw StratumException.transport("the server answered something that is not JSON", e);
                }
            }
        }
        if (response.statusCode() / 100 == 2) {
            return body;
        }
        JsonNode error = body.path("error");
        if (error.isObject()) {
            return fail(response.statusCode(), Json.text(error, "code"), Json.text(error, "message"), error);
        }
        return fail(response.statusCode(), "http_" + response.statusCode(), "the server answered HTTP " + response.statusCode(), null);
    }

    private static JsonNode fail(int status, String code, String message, JsonNode details) {
        throw new StratumException(status, code == null ? "http_" + status : code, message == null ? code : message, details);
    }
}
