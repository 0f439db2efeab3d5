package io.stratum.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.stratum.client.chat.Chat;

class CursorsTest {
    @Test
    void shouldOnlyMoveForward() {
        UUID chat = UUID.randomUUID();
        Cursors cursors = new Cursors(Map.of(chat, 5L));

        cursors.advance(chat, 7);
        cursors.advance(chat, 6);

        assertEquals(Optional.of(7L), cursors.of(chat));
    }

    @Test
    void shouldStartAtTheEndOfEachChatsLog() {
        Chat chat = new Chat(UUID.randomUUID(), "group", "Falcon", "cts-a", 44, 0, 40, "admin", List.of());

        assertEquals(Map.of(chat.id(), 44L), Cursors.atEndOf(List.of(chat)).snapshot());
    }
}
