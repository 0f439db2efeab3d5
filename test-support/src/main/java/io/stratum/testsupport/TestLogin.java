package io.stratum.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.vertx.core.json.JsonObject;

/**
 * Logs a chat user into a running server over plain HTTP the way a person does: ask for a PIN,
 * read it from the test mailbox ({@link TestSmtp}), enter it. For black-box tests of packaged servers.
 */
public final class TestLogin {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestLogin() {
    }

    /** Logs in and returns the login result (huid, access_token, refresh_token, ...). */
    public static JsonObject logIn(String baseUrl, String email, String platform) {
        int before = TestSmtp.messagesTo(email).size();
        post(baseUrl + "/api/v1/auth/email/code", null, new JsonObject().put("email", email), 202);
        String pin = TestSmtp.awaitPin(email, before + 1, Duration.ofSeconds(30));
        return post(baseUrl + "/api/v1/auth/email/login", null, new JsonObject().put("email", email).put("code", pin)
                .put("platform", platform).put("app_version", "test").put("device_name", "test"), 200);
    }

    /** POSTs JSON, optionally with a bearer token, and returns the JSON answer; fails unless the status is as expected. */
    public static JsonObject post(String url, String token, JsonObject body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        return send(token == null ? request : request.header("Authorization", "Bearer " + token), expectedStatus);
    }

    /** GETs JSON with a bearer token; fails unless the status is as expected. */
    public static JsonObject get(String url, String token, int expectedStatus) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET(),
                expectedStatus);
    }

    private static JsonObject send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? new JsonObject() : new JsonObject(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
