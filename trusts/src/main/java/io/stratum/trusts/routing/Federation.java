package io.stratum.trusts.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.stratum.core.boot.Periodic;
import io.stratum.core.boot.StartupOrder;
import io.stratum.core.federation.FederationInbox;
import io.stratum.core.federation.FederationQueue;
import io.stratum.core.server.ServerConfig;
import io.stratum.trusts.identity.ServerIdentity;
import io.stratum.trusts.identity.SigningKey;
import io.stratum.trusts.link.LinkAudit;
import io.stratum.trusts.link.TrustLink;
import io.stratum.trusts.link.TrustLinks;
import io.stratum.trusts.records.TrustRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Envelopes between this server and the others: keeps the {@link LinkTraffic} of every link that is
 * up, exchanges route announcements ({@code routes}) and keys, decides each queued envelope's next hop
 * ({@link Routes}), and takes what arrives: envelopes for this server are checked against the origin's
 * key and handed to the {@link FederationInbox}; others are queued again for their destination
 * (relaying). Wakes the links when something is queued and looks for due envelopes every second.
 */
@ApplicationScoped
public class Federation implements TrustLinks.LinkListener {
    private static final Logger LOGGER = Logger.getLogger(Federation.class);

    private final Vertx vertx;
    private final Periodic periodic;
    private final Pool database;
    private final TrustLinks links;
    private final TrustRecords trusts;
    private final ServerIdentity identity;
    private final ServerKeys keys;
    private final LinkAudit audit;
    private final Instance<FederationInbox> inbox;
    private final Instance<Signals> signals;
    private final ServerRegistry registry;
    private final String ownRole;
    private final String ownHost;
    private final String ownId;
    private final Routes routes;
    private final Map<String, LinkTraffic> traffic = new ConcurrentHashMap<>();
    private final Set<Long> forgetting = ConcurrentHashMap.newKeySet();
    private final Queue<Long> toDelete = new ConcurrentLinkedQueue<>();

    public Federation(Vertx vertx, Periodic periodic, Pool database, TrustLinks links, TrustRecords trusts, ServerIdentity identity, ServerKeys keys,
            LinkAudit audit, Instance<FederationInbox> inbox, Instance<Signals> signals, ServerRegistry registry, ServerConfig server) {
        this.signals = signals;
        this.registry = registry;
        this.ownRole = server.role().toUpperCase(java.util.Locale.ROOT);
        this.ownHost = server.host();
        this.vertx = vertx;
        this.periodic = periodic;
        this.database = database;
        this.links = links;
        this.trusts = trusts;
        this.identity = identity;
        this.keys = keys;
        this.audit = audit;
        this.inbox = inbox;
        this.ownId = server.id();
        this.routes = new Routes(server.id(), server.role());
    }

    /** An envelope due on a link: its outbox id and the envelope as it goes on the wire. */
    record Due(long id, Envelope envelope) {
    }

    /** What became of a received envelope: taken, refused for good ({@code code}), or to be sent again later. */
    record Outcome(boolean retry, String code) {
        static final Outcome TAKEN = new Outcome(false, null);

        static Outcome refused(String code) {
            return new Outcome(false, code);
        }

        static Outcome later(String code) {
            return new Outcome(true, code);
        }
    }

    // Before the trust link server opens its port (StartupOrder.READINESS): links accepted earlier would never reach up().
    void onStart(@Observes @Priority(StartupOrder.LISTENERS) StartupEvent event) {
        links.listen(this);
        keys.load().subscribe().with(done -> { }, failure -> LOGGER.warnv("Server keys not loaded yet: {0}", failure.getClass().getName()));
        registry.load().subscribe().with(done -> { }, failure -> LOGGER.warnv("Server registry not loaded yet: {0}", failure.getClass().getName()));
        vertx.eventBus().consumer(FederationQueue.QUEUED).handler(message -> pumpAll());
        periodic.every(Duration.ofSeconds(1), this::pumpAll);
        periodic.every(Duration.ofMillis(100), this::deleteForgotten);
    }

    public Routes routes() {
        return routes;
    }

    @Override
    public void up(TrustLink link) {
        LinkTraffic fresh = new LinkTraffic(link, this);
        link.onTraffic(fresh::onFrame);
        LinkTraffic older = traffic.put(link.remoteId(), fresh);
        if (older != null) {
            older.close();
        }
        trusts.find(link.remoteId()).subscribe().with(trust -> {
            if (trust.isEmpty() || traffic.get(link.remoteId()) != fresh) {
                return;
            }
            routes.connected(link.remoteId(), trust.get().kind());
            fresh.ready();
            announceAll();
            rescanAll();
        }, failure -> {
            LOGGER.warnv("Trust of {0} not readable: closing its link", link.remoteId());
            link.close();
        });
    }

    @Override
    public void down(TrustLink link) {
        LinkTraffic gone = traffic.get(link.remoteId());
        if (gone != null && gone.link() == link && traffic.remove(link.remoteId(), gone)) {
            gone.close();
            routes.disconnected(link.remoteId());
            announceAll();
            rescanAll();
        }
    }

    /**
     * A neighbour's announcement: the servers it reaches ({@code servers}) and the keys of the servers it
     * knows ({@code keys}; the neighbour's own is taken as announced by itself, the others as vouched for).
     */
    void routesFrom(LinkTraffic from, JsonObject frame) {
        Set<String> servers = new HashSet<>();
        for (Object value : array(frame, "servers")) {
            if (value instanceof JsonObject server && server.getValue("id") instanceof String id && !id.isEmpty() && id.length() <= 64) {
                servers.add(id);
                if (!id.equals(ownId)) {
                    registry.heard(id, text(server, "role"), text(server, "host"), from.remote());
                }
            }
        }
        boolean learned = false;
        for (Object value : array(frame, "keys")) {
            if (value instanceof JsonObject server && server.getValue("id") instanceof String id && !id.equals(ownId)
                    && server.getValue("key") instanceof String key) {
                try {
                    learned |= keys.learn(id, Base64.getDecoder().decode(key), id.equals(from.remote()) ? ServerKeys.DIRECT : from.remote());
                } catch (IllegalArgumentException e) {
                    LOGGER.warnv("{0} announced an unreadable key for {1}", from.remote(), id);
                }
            }
        }
        boolean moved = routes.announced(from.remote(), servers);
        if (moved) {
            LOGGER.infov("{0} reaches {1}", from.remote(), servers);
        }
        if (moved || learned) {
            announceAll();
        }
        if (moved) {
            rescanAll();
        }
    }

    /** A short text field of an announcement entry, else null. */
    private static String text(JsonObject entry, String field) {
        return entry.getValue(field) instanceof String value && !value.isEmpty() && value.length() <= 255 ? value : null;
    }

    private static JsonArray array(JsonObject frame, String field) {
        return frame.getValue(field) instanceof JsonArray array ? array : new JsonArray();
    }

    /** The oldest rows due on the link to {@code remote}, other than {@code exclude}d ones, signed or as relayed. */
    Uni<List<Due>> due(String remote, Set<Long> exclude, int limit) {
        Set<String> known = new HashSet<>();
        for (String neighbour : routes.neighbours()) {
            routes.neighbour(neighbour).ifPresent(n -> known.addAll(n.announced()));
        }
        List<String> mine = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String destination : known) {
            (routes.nextHop(destination).filter(remote::equals).isPresent() ? mine : others).add(destination);
        }
        boolean upstream = routes.upstream().filter(remote::equals).isPresent();
        if (!upstream && mine.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String which = upstream ? "NOT (destination = ANY($2))" : "destination = ANY($2)";
        Optional<SigningKey> signing = identity.signingKey();
        Set<Long> skipped = new HashSet<>(exclude);
        skipped.addAll(forgetting);
        return database.preparedQuery("SELECT id, destination, kind, payload, envelope FROM federation_outbox WHERE NOT (id = ANY($1)) AND "
                        + which + " ORDER BY id LIMIT " + limit)
                .execute(Tuple.of(skipped.toArray(Long[]::new), (upstream ? others : mine).toArray(String[]::new)))
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    for (Row row : rows) {
                        long id = row.getLong(0);
                        if (forgetting.contains(id)) {
                            continue;
                        }
                        String relayed = row.getString(4);
                        try {
                            if (relayed != null) {
                                due.add(new Due(id, Envelope.fromJson(new JsonObject(relayed))));
                            } else if (signing.isPresent()) {
                                due.add(new Due(id, Envelope.sign(signing.get(), ownId, row.getString(1), id, row.getString(2), row.getString(3))));
                            }
                        } catch (RuntimeException e) {
                            LOGGER.errorv("Outbox row {0} is unreadable and is dropped: {1}", id, e.getClass().getSimpleName());
                            forget(id);
                        }
                    }
                    return due;
                });
    }

    /**
     * Takes envelopes handed over by a neighbour, in order; answers one outcome per envelope. Those
     * for this server are checked and given to the inbox together; the others are queued for relaying.
     */
    Uni<List<Outcome>> receive(LinkTraffic from, List<JsonObject> received) {
        Outcome[] outcomes = new Outcome[received.size()];
        List<FederationInbox.Incoming> mine = new ArrayList<>();
        List<Integer> mineAt = new ArrayList<>();
        List<Envelope> relayed = new ArrayList<>();
        List<Integer> relayedAt = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            JsonObject json = received.get(i);
            Envelope envelope;
            JsonObject payload;
            try {
                envelope = Envelope.fromJson(json);
                payload = envelope.payloadJson();
            } catch (RuntimeException e) {
                audit.envelopeRefused(json == null ? "(unknown)" : String.valueOf(json.getValue("origin")), from.remote(), "malformed_envelope");
                outcomes[i] = Outcome.refused("malformed_envelope");
                continue;
            }
            if (!ownId.equals(envelope.to())) {
                if (envelope.hops() <= 1) {
                    audit.envelopeRefused(envelope.origin(), from.remote(), "hop_limit");
                    outcomes[i] = Outcome.refused("hop_limit");
                } else {
                    relayed.add(envelope.relayed());
                    relayedAt.add(i);
                }
                continue;
            }
            Optional<byte[]> key = keys.key(envelope.origin());
            if (key.isEmpty()) {
                // Its announcement may still be on the way: ask for it again later.
                outcomes[i] = Outcome.later("origin_unknown");
            } else if (!envelope.verify(key.get())) {
                audit.envelopeRefused(envelope.origin(), from.remote(), "bad_signature");
                outcomes[i] = Outcome.refused("bad_signature");
            } else {
                mine.add(new FederationInbox.Incoming(envelope.origin(), envelope.kind(), payload));
                mineAt.add(i);
            }
        }
        Uni<Void> relaying = relayed.isEmpty() ? Uni.createFrom().voidItem()
                : database.preparedQuery("INSERT INTO federation_outbox (destination, envelope) "
                                + "SELECT d, e FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(d, e, n) ORDER BY n")
                        .execute(Tuple.of(relayed.stream().map(Envelope::to).toArray(String[]::new),
                                relayed.stream().map(e -> e.toJson().encode()).toArray(String[]::new)))
                        .invoke(this::pumpAll)
                        .replaceWithVoid()
                        .invoke(() -> relayedAt.forEach(i -> outcomes[i] = Outcome.TAKEN))
                        .onFailure().recoverWithItem(failure -> {
                            LOGGER.warnv("Relaying {0} envelopes failed, asked again: {1}", relayed.size(), failure.getClass().getName());
                            relayedAt.forEach(i -> outcomes[i] = Outcome.later("unavailable"));
                            return null;
                        });
        Uni<Void> applying = mine.isEmpty() ? Uni.createFrom().voidItem()
                : inbox.get().acceptAll(mine)
                        .invoke(() -> mineAt.forEach(i -> outcomes[i] = Outcome.TAKEN))
                        .onFailure().recoverWithItem(failure -> {
                            LOGGER.warnv("{0} envelopes from {1} not applied, asked again: {2}", mine.size(), from.remote(),
                                    failure.getClass().getName());
                            mineAt.forEach(i -> outcomes[i] = Outcome.later("unavailable"));
                            return null;
                        });
        return relaying.chain(() -> applying).map(done -> List.of(outcomes));
    }

    /** A {@code sig} frame from a neighbour (see {@link Signals}). */
    void signalFrom(LinkTraffic from, JsonObject frame) {
        signals.get().received(from.remote(), frame);
    }

    /** Writes {@code frame} on the link that leads towards {@code destination}; false when no such link is up. */
    boolean sendTowards(String destination, JsonObject frame) {
        Optional<String> hop = routes.nextHop(destination);
        LinkTraffic link = hop.map(traffic::get).orElse(null);
        if (link == null || !link.isReady()) {
            return false;
        }
        link.link().send(frame);
        return true;
    }

    /** The next hop acknowledged the row: delete it (in batches). */
    void forget(long id) {
        forgetting.add(id);
        toDelete.add(id);
    }

    /** Runs {@code action} after a second (a remote asked for an envelope again later). */
    void later(Runnable action) {
        vertx.setTimer(1000, id -> action.run());
    }

    private void deleteForgotten() {
        List<Long> ids = new ArrayList<>();
        for (Long next; ids.size() < 5000 && (next = toDelete.poll()) != null; ) {
            ids.add(next);
        }
        if (ids.isEmpty()) {
            return;
        }
        database.preparedQuery("DELETE FROM federation_outbox WHERE id = ANY($1)").execute(Tuple.of(ids.toArray(Long[]::new)))
                .subscribe().with(done -> ids.forEach(forgetting::remove), failure -> {
                    LOGGER.warnv("Deleting acknowledged envelopes failed, retried: {0}", failure.getClass().getName());
                    toDelete.addAll(ids);
                });
    }

    private void pumpAll() {
        traffic.values().forEach(LinkTraffic::pump);
    }

    private void rescanAll() {
        traffic.values().forEach(LinkTraffic::rescan);
    }

    /** An announcement entry: the id, with the role and host when known (this server's own, or as registered). */
    private JsonObject describe(String server) {
        JsonObject entry = new JsonObject().put("id", server);
        if (server.equals(ownId)) {
            return entry.put("role", ownRole).put("host", ownHost);
        }
        registry.get(server).ifPresent(known -> {
            if (known.role() != null) {
                entry.put("role", known.role());
            }
            if (known.host() != null) {
                entry.put("host", known.host());
            }
        });
        return entry;
    }

    private void announceAll() {
        JsonArray known = new JsonArray();
        identity.signingKey().ifPresent(own -> known.add(new JsonObject().put("id", ownId).put("key", Base64.getEncoder().encodeToString(own.publicKey()))));
        keys.all().forEach((id, key) -> known.add(new JsonObject().put("id", id).put("key", Base64.getEncoder().encodeToString(key))));
        for (LinkTraffic link : traffic.values()) {
            if (routes.neighbour(link.remote()).isEmpty()) {
                continue;
            }
            JsonArray servers = new JsonArray();
            routes.announcementFor(link.remote()).forEach(server -> servers.add(describe(server)));
            link.link().send(new JsonObject().put("type", "routes").put("servers", servers).put("keys", known));
        }
    }
}
