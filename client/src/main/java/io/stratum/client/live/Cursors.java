package io.stratum.client.live;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.stratum.client.chat.Chat;

/**
 * Per chat, the highest {@code seq} the device holds without gaps: what {@code hello} sends so the
 * server replays exactly what is missing. A chat absent here is replayed from its beginning. Keep
 * it (see {@link #snapshot()}) across runs to resume where the device left off. Thread-safe.
 */
public final class Cursors {
    private final Map<UUID, Long> held = new ConcurrentHashMap<>();

    public Cursors() {
    }

    public Cursors(Map<UUID, Long> held) {
        this.held.putAll(held);
    }

    /** Cursors at the end of these chats' logs: a device that wants only what happens from now on. */
    public static Cursors atEndOf(Collection<Chat> chats) {
        Cursors cursors = new Cursors();
        chats.forEach(chat -> cursors.held.put(chat.id(), chat.lastSeq()));
        return cursors;
    }

    public Optional<Long> of(UUID chat) {
        return Optional.ofNullable(held.get(chat));
    }

    void advance(UUID chat, long seq) {
        held.merge(chat, seq, Math::max);
    }

    public Map<UUID, Long> snapshot() {
        return Map.copyOf(new HashMap<>(held));
    }
}
