package io.stratum.core.chat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A chat as its member sees it in the list: where its log stands and how far they read.
 * {@code avatar} is the id of the chat's avatar image (fetched from {@code GET /api/v1/chats/{id}/avatar}), null when it has none.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatSummary(UUID id, String kind, String name, String avatar, String homeServer, long lastSeq, long joinedSeq, long readSeq,
        String role, List<Member> members) {

    /** A member with their role and receipts. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Member(UUID huid, String role, long deliveredSeq, long readSeq) {
    }
}
