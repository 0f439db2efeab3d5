package io.stratum.client.contacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratum.client.auth.DeviceTokens;

/** Online state of users who share a chat with the caller ({@code GET /api/v1/presence}). Live changes come as presence frames. */
public final class Presence {
    /** One user's state; {@code lastSeen} is null when the server has never seen them. */
    public record State(UUID huid, boolean online, Instant lastSeen) {
    }

    private final DeviceTokens tokens;

    public Presence(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    /** The state of up to 500 users; users who share no chat with the caller are left out. */
    public List<State> of(Collection<UUID> users) {
        String query = users.stream().map(user -> "user=" + user).collect(Collectors.joining("&"));
        List<State> states = new ArrayList<>();
        for (JsonNode state : tokens.call("GET", "/api/v1/presence?" + query, null).path("users")) {
            states.add(new State(UUID.fromString(state.get("huid").asText()), state.path("online").asBoolean(),
                    state.hasNonNull("last_seen") ? Instant.parse(state.get("last_seen").asText()) : null));
        }
        return states;
    }
}
