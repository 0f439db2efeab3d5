package io.stratum.trusts.routing;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.stratum.trusts.records.TrustKind;

/**
 * Where an envelope for a server goes next, from the links that are up and what each remote
 * announced it can reach (docs/trust-protocol.md, "Routing"): the destination itself over a direct
 * link; else a neighbour that announced the destination (servers below it); else up the tiers (the
 * nearest upper tier first: ETS before RTS); else nowhere for now (the envelope waits). Thread-safe.
 */
public final class Routes {
    private final String ownId;
    private final int ownTier;
    private final Map<String, Neighbour> neighbours = new ConcurrentHashMap<>();

    /** A connected remote: its trust kind and the servers it announced (itself included). */
    public record Neighbour(String id, TrustKind kind, Set<String> announced) {
    }

    public Routes(String ownId, String ownRole) {
        this.ownId = ownId;
        this.ownTier = tier(ownRole);
    }

    public void connected(String remote, TrustKind kind) {
        neighbours.put(remote, new Neighbour(remote, kind, Set.of(remote)));
    }

    public void disconnected(String remote) {
        neighbours.remove(remote);
    }

    /** Records what a neighbour announced; answers whether it changed. */
    public boolean announced(String remote, Set<String> servers) {
        Neighbour known = neighbours.get(remote);
        if (known == null) {
            return false;
        }
        Set<String> reachable = new LinkedHashSet<>(servers);
        reachable.add(remote);
        reachable.remove(ownId);
        neighbours.put(remote, new Neighbour(remote, known.kind(), Set.copyOf(reachable)));
        return !known.announced().equals(reachable);
    }

    /** The neighbour to hand an envelope for {@code destination} to, empty while there is none. */
    public Optional<String> nextHop(String destination) {
        if (neighbours.containsKey(destination)) {
            return Optional.of(destination);
        }
        Optional<Neighbour> announcing = neighbours.values().stream().filter(n -> n.announced().contains(destination))
                .min(Comparator.comparingInt((Neighbour n) -> tier(n.kind())).thenComparing(Neighbour::id));
        if (announcing.isPresent()) {
            return announcing.map(Neighbour::id);
        }
        return upstream();
    }

    /** The nearest connected upper tier (ETS before RTS), if any. */
    public Optional<String> upstream() {
        return neighbours.values().stream().filter(n -> n.kind() != TrustKind.TTS && tier(n.kind()) > ownTier)
                .min(Comparator.comparingInt((Neighbour n) -> tier(n.kind())).thenComparing(Neighbour::id)).map(Neighbour::id);
    }

    /**
     * What this server announces to a neighbour: itself, plus, to an upper tier or another region
     * (TTS), every server reachable below it.
     */
    public Set<String> announcementFor(String remote) {
        Neighbour to = neighbours.get(remote);
        Set<String> servers = new LinkedHashSet<>();
        servers.add(ownId);
        if (to != null && (to.kind() == TrustKind.TTS || tier(to.kind()) > ownTier)) {
            for (Neighbour below : neighbours.values()) {
                if (!below.id().equals(remote) && below.kind() != TrustKind.TTS && tier(below.kind()) < ownTier) {
                    servers.addAll(below.announced());
                }
            }
        }
        return servers;
    }

    public Set<String> neighbours() {
        return Set.copyOf(neighbours.keySet());
    }

    public Optional<Neighbour> neighbour(String remote) {
        return Optional.ofNullable(neighbours.get(remote));
    }

    static int tier(TrustKind kind) {
        return switch (kind) {
            case CTS -> 1;
            case ETS -> 2;
            case RTS, TTS -> 3;
        };
    }

    static int tier(String role) {
        return switch (role == null ? "" : role.toLowerCase(java.util.Locale.ROOT)) {
            case "ets" -> 2;
            case "rts" -> 3;
            default -> 1;
        };
    }
}
