package io.stratum.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The REST calls the bench makes, as documented in docs/protocol.md ("Chats over REST"). */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;

    Api(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** {@code POST /api/v1/chats}; completes with the new chat's id. */
    CompletableFuture<String> createChat(BenchUser creator, String kind, String name, List<?> members) {
        ObjectNode body = JSON.createObjectNode().put("kind", kind).put("name", name);
        members.forEach(member -> body.withArray("members").add(member.toString()));
        return post(creator, "/api/v1/chats", body, 201).thenApply(chat -> chat.get("id").asText());
    }

    /** {@code POST /api/v1/chats/{id}/messages}; completes with the message's seq. */
    CompletableFuture<Long> sendOverRest(BenchUser author, String chat, String clientId, String text) {
        ObjectNode body = JSON.createObjectNode().put("client_id", clientId).put("body", text);
        return post(author, "/api/v1/chats/" + chat + "/messages", body, -1).thenApply(ack -> ack.path("seq").asLong());
    }

    private CompletableFuture<JsonNode> post(BenchUser caller, String path, ObjectNode body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + caller.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() / 100 != 2 || (expected > 0 && response.statusCode() != expected)) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            try {
                return JSON.readTree(response.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
