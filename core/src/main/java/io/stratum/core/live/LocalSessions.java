package io.stratum.core.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.stratum.core.account.Platform;
import io.stratum.core.chat.LiveEvent;
import io.stratum.core.chat.LocalDelivery;
import io.vertx.core.json.JsonObject;

/**
 * The authenticated sessions connected to this instance, by user, and connection counts by IP.
 * Thread-safe; delivery hands each item to the session's own event loop.
 */
@ApplicationScoped
public class LocalSessions implements LocalDelivery {
    private final Map<UUID, Set<ClientSession>> byUser = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byIp = new ConcurrentHashMap<>();
    private final Map<Platform, AtomicInteger> byPlatform = new ConcurrentHashMap<>();

    private final Presence presence;

    public LocalSessions(MeterRegistry registry, Presence presence) {
        this.presence = presence;
        Gauge.builder("online_users", byUser, Map::size).description("Users with at least one connected device on this instance")
                .register(registry);
        for (Platform platform : Platform.values()) {
            AtomicInteger count = byPlatform.computeIfAbsent(platform, p -> new AtomicInteger());
            Gauge.builder("stratum_connected_devices", count, AtomicInteger::get).tag("platform", platform.code())
                    .description("Devices connected to this instance").register(registry);
        }
    }

    /** Counts a new connection from an IP; false when the IP is at its limit (the caller closes). */
    boolean admit(String ip, int limit) {
        AtomicInteger count = byIp.computeIfAbsent(ip, key -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    void release(String ip) {
        byIp.computeIfPresent(ip, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    void add(ClientSession session) {
        boolean[] first = {false};
        byUser.compute(session.caller().huid(), (user, sessions) -> {
            Set<ClientSession> all = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
            first[0] = all.isEmpty();
            all.add(session);
            return all;
        });
        byPlatform.get(session.caller().platform()).incrementAndGet();
        if (first[0]) {
            presence.online(session.caller().huid());
        }
    }

    void remove(ClientSession session) {
        boolean[] last = {false};
        byUser.computeIfPresent(session.caller().huid(), (user, sessions) -> {
            last[0] = sessions.remove(session) && sessions.isEmpty();
            return sessions.isEmpty() ? null : sessions;
        });
        byPlatform.get(session.caller().platform()).decrementAndGet();
        if (last[0]) {
            presence.offline(session.caller().huid());
        }
    }

    /** Hands a committed event to every local session of its recipients; its frame is not encoded again. */
    @Override
    public void deliver(LiveEvent event, List<UUID> recipients) {
        for (UUID user : recipients) {
            Set<ClientSession> sessions = byUser.get(user);
            if (sessions != null) {
                sessions.forEach(session -> session.offer(event));
            }
        }
    }

    /**
     * Sends an ephemeral frame to every local session of the recipients; a {@code devices_revoked}
     * signal instead ends the named devices' sessions (see {@link SessionTermination}).
     */
    public void signal(JsonObject frame, List<UUID> recipients) {
        if (SessionTermination.SIGNAL.equals(frame.getString("type"))) {
            List<UUID> devices = frame.getJsonArray("devices").stream().map(id -> UUID.fromString((String) id)).toList();
            recipients.forEach(user -> endDevices(user, devices));
            return;
        }
        for (UUID user : recipients) {
            Set<ClientSession> sessions = byUser.get(user);
            if (sessions != null) {
                sessions.forEach(session -> session.signal(frame));
            }
        }
    }

    /** Ends the sessions of these devices (logout, revoked by an administrator). */
    public void endDevices(UUID user, List<UUID> devices) {
        Set<ClientSession> sessions = byUser.get(user);
        if (sessions != null) {
            sessions.stream().filter(session -> devices.contains(session.caller().deviceId())).forEach(ClientSession::revoked);
        }
    }

    /** Number of users with a connected device here. */
    public int onlineUsers() {
        return byUser.size();
    }
}
