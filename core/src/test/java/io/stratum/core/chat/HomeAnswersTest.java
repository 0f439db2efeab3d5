package io.stratum.core.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.stratum.core.api.ApiException;
import io.vertx.core.json.JsonObject;

/** A user waiting for the home server gets its answer, its refusal, or "queued" after the timeout. */
class HomeAnswersTest {
    @Test
    void shouldAnswerTheWaiter() {
        HomeAnswers<String> answers = new HomeAnswers<>(Duration.ofSeconds(5), "message");
        CompletableFuture<String> expected = answers.expect("a/1");
        answers.answer("a/1", "event 7");
        assertEquals("event 7", answers.await("a/1", expected, "cts-a").await().atMost(Duration.ofSeconds(1)));
    }

    @Test
    void shouldPassOnTheHomesRefusal() {
        HomeAnswers<String> answers = new HomeAnswers<>(Duration.ofSeconds(5), "change");
        CompletableFuture<String> expected = answers.expect("k");
        answers.refuse("k", new JsonObject().put("status", 403).put("code", "not_admin").put("message", "only admins rename"));
        ApiException refusal = assertThrows(ApiException.class, () -> answers.await("k", expected, "cts-a").await().atMost(Duration.ofSeconds(1)));
        assertEquals(403, refusal.status());
        assertEquals("not_admin", refusal.code());
    }

    @Test
    void shouldSayQueuedWhenTheHomeDoesNotAnswerInTime() {
        HomeAnswers<String> answers = new HomeAnswers<>(Duration.ofMillis(50), "message");
        CompletableFuture<String> expected = answers.expect("a/2");
        CompletableFuture<String> sameKey = answers.expect("a/2");
        assertEquals(expected, sameKey, "a retry with the same client id shares the wait");
        ApiException queued = assertThrows(ApiException.class, () -> answers.await("a/2", expected, "cts-a").await().atMost(Duration.ofSeconds(2)));
        assertEquals(504, queued.status());
        assertEquals("queued", queued.code());
        answers.answer("a/2", "late");
        assertFalse(expected.isDone(), "the timeout does not cancel the shared answer, and a late answer finds nobody waiting");
    }
}
