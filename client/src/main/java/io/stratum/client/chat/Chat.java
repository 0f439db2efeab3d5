package io.stratum.client.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratum.client.http.Json;

/**
 * A chat as its member sees it: kind ({@code personal}, {@code group}, {@code channel}), where its
 * log stands ({@code lastSeq}), how far the caller read, their role, and (from
 * {@link Chats#get}) the members with their receipts.
 */
public record Chat(UUID id, String kind, String name, String homeServer, long lastSeq, long joinedSeq, long readSeq, String role,
        List<Member> members) {

    /** A member with their role and receipts. */
    public record Member(UUID huid, String role, long deliveredSeq, long readSeq) {
    }

    public static Chat fromJson(JsonNode json) {
        List<Member> members = new ArrayList<>();
        for (JsonNode member : json.path("members")) {
            members.add(new Member(UUID.fromString(member.get("huid").asText()), Json.text(member, "role"),
                    member.path("delivered_seq").asLong(), member.path("read_seq").asLong()));
        }
        return new Chat(UUID.fromString(json.get("id").asText()), Json.text(json, "kind"), Json.text(json, "name"),
                Json.text(json, "home_server"), json.path("last_seq").asLong(), json.path("joined_seq").asLong(),
                json.path("read_seq").asLong(), Json.text(json, "role"), List.copyOf(members));
    }

    public boolean isPersonal() {
        return "personal".equals(kind);
    }
}
