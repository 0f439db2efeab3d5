package io.stratum.client.auth;

import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratum.client.http.Json;
import io.stratum.client.http.RestCalls;
import io.stratum.client.http.StratumException;

/**
 * The device's current tokens, renewed when the server says the access token is no longer good
 * ({@code 401 token_invalid}). Renewal replaces both tokens and hands them to the
 * {@link CredentialStore}. Thread-safe: concurrent callers that saw the same expired token renew
 * it once.
 */
public final class DeviceTokens {
    private static final System.Logger LOGGER = System.getLogger(DeviceTokens.class.getName());
    private final RestCalls rest;
    private final CredentialStore store;
    private volatile Credentials current;

    public DeviceTokens(RestCalls rest, Credentials credentials, CredentialStore store) {
        this.rest = rest;
        this.current = credentials;
        this.store = store;
    }

    public Credentials current() {
        return current;
    }

    /** Supplies the access token in force at the moment of each call. */
    public Supplier<String> accessToken() {
        return () -> current.accessToken();
    }

    /**
     * Renews the tokens unless another thread already replaced {@code expiredAccessToken}.
     * Throws {@code refresh_invalid} when the device must log in again.
     */
    public synchronized Credentials renew(String expiredAccessToken) {
        if (!current.accessToken().equals(expiredAccessToken)) {
            return current;
        }
        JsonNode tokens = rest.call("POST", "/api/v1/auth/access-tokens", Json.object().put("refresh_token", current.refreshToken()), null);
        current = current.renewed(tokens);
        try {
            store.save(current);
        } catch (RuntimeException e) {
            // The new tokens still work in memory for this process.
            LOGGER.log(System.Logger.Level.WARNING, "could not save the renewed tokens: {0}", e.toString());
        }
        return current;
    }

    /** Calls {@code method path} with the access token, renewing it once on {@code token_invalid}. */
    public JsonNode call(String method, String path, JsonNode body) {
        return authorized(token -> rest.call(method, path, body, () -> token));
    }

    /**
     * Runs {@code call} with the access token in force; when it fails with {@code token_invalid},
     * renews the tokens and runs it once more with the new one. {@code call} must be safe to repeat
     * after such a refusal (a streamed upload is: the server refuses a token before reading the body).
     */
    public <T> T authorized(Function<String, T> call) {
        String token = current.accessToken();
        try {
            return call.apply(token);
        } catch (StratumException e) {
            if (!"token_invalid".equals(e.code())) {
                throw e;
            }
            return call.apply(renew(token).accessToken());
        }
    }
}
