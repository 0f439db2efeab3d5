package io.stratum.core.chat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.vertx.core.json.JsonObject;

/**
 * Local users waiting for a chat's home server to answer what this server forwarded to it: the home's
 * event ({@link #answer}), its refusal ({@link #refuse}, from a {@code chat.refused} payload), or, after
 * {@code timeout}, 504 {@code queued} (the request stays queued and takes effect when the home answers).
 * One waiter per key; a second request with the same key shares the answer.
 */
final class HomeAnswers<T> {
    private static final Logger LOGGER = Logger.getLogger(HomeAnswers.class);

    private final Map<String, CompletableFuture<T>> waiting = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final String what;

    /** {@code what}: "message" or "change", for the texts users see. */
    HomeAnswers(Duration timeout, String what) {
        this.timeout = timeout;
        this.what = what;
    }

    /** Starts waiting for {@code key}; call before the request is queued, so that a quick answer is not missed. */
    CompletableFuture<T> expect(String key) {
        return waiting.computeIfAbsent(key, k -> new CompletableFuture<>());
    }

    /** The answer for {@code key}, or 504 {@code queued} after the timeout; stops waiting either way. */
    Uni<T> await(String key, CompletableFuture<T> answer, String home) {
        // A copy: the timeout cancels what it waits on, and the answer itself may be shared by another request with the same key.
        return Uni.createFrom().completionStage(answer.copy())
                .ifNoItem().after(timeout).failWith(() -> new ApiException(504, "queued", "the chat's home server " + home
                        + " has not confirmed the " + what + " yet; it stays queued and takes effect when the home server answers"
                        + ("message".equals(what) ? " (sending again with the same client_id is safe)" : "")))
                .onTermination().invoke(() -> forget(key, answer));
    }

    /** Stops waiting (the request was answered locally, or failed before it was queued). */
    void forget(String key, CompletableFuture<T> answer) {
        waiting.remove(key, answer);
    }

    void answer(String key, T value) {
        CompletableFuture<T> answer = waiting.remove(key);
        if (answer != null) {
            answer.complete(value);
        }
    }

    /** The home's refusal ({@code status}, {@code code}, {@code message} of a {@code chat.refused} payload). */
    void refuse(String key, JsonObject refusal) {
        CompletableFuture<T> answer = waiting.remove(key);
        if (answer != null) {
            answer.completeExceptionally(new ApiException(refusal.getInteger("status", 400), refusal.getString("code", "refused"),
                    refusal.getString("message", "the chat's home server refused the " + what)));
        } else {
            LOGGER.infov("The home server refused a forwarded {0} ({1}) after its sender stopped waiting", what, refusal.getString("code"));
        }
    }
}
