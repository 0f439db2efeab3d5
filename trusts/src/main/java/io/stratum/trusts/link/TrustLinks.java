package io.stratum.trusts.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.stratum.trusts.records.Trust;

/**
 * The links of this server: which trusts are connected, and for those that are not, why and when the
 * next attempt is. Thread-safe. Keeps one link per remote server: a newer link replaces an older one.
 * Publishes {@code connection_status{remote}} (1 green, 0 red, -1 purple) for every trust.
 */
@ApplicationScoped
public class TrustLinks {
    private static final Logger LOGGER = Logger.getLogger(TrustLinks.class);

    private final Map<String, TrustLink> links = new ConcurrentHashMap<>();
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();
    /** Whether the backoffs stored before the last stop were read (or could not be): no dial is due before. */
    private volatile boolean restored;
    private final MultiGauge connectionStatus;
    private volatile LinkListener listener = new LinkListener() {
    };

    /** What happens on a link once it is up (the federation's traffic); called on the link's event loop. */
    public interface LinkListener {
        default void up(TrustLink link) {
        }

        default void down(TrustLink link) {
        }
    }

    public void listen(LinkListener listener) {
        this.listener = listener;
    }

    private final MultiGauge linkFailures;
    private final LinkBacklog backlog;

    private final DialBackoff backoff;
    private final String ownId;
    private final String ownRole;

    public TrustLinks(MeterRegistry registry, LinkBacklog backlog, DialBackoff backoff, io.stratum.core.server.ServerConfig server) {
        this.backlog = backlog;
        this.backoff = backoff;
        this.ownId = server.id();
        this.ownRole = server.role();
        this.connectionStatus = MultiGauge.builder("connection_status")
                .description("Trust link state per remote server: 1 connected (green), 0 not connected (red), -1 blocked (purple)")
                .register(registry);
        this.linkFailures = MultiGauge.builder("trust_link_failures")
                .description("Failed attempts to connect to a remote server since the last success (the retry backoff grows with them)")
                .register(registry);
    }

    /** Takes the backoffs stored before the last stop (the dialer waits for them as for its own). */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        backoff.load().onFailure().recoverWithItem(failure -> {
            LOGGER.warnv("Stored dial backoffs not read, dialing at once: {0}", failure.getClass().getName());
            return Map.of();
        }).subscribe().with(stored -> {
            stored.forEach(attempts::putIfAbsent);
            restored = true;
        });
    }

    /** Failed attempts to reach one remote, for backoff and for the console. */
    record Attempts(int failures, String lastProblem, Instant at, Instant next) {
    }

    /** The link state of a trust. */
    public LinkState state(Trust trust) {
        if (!trust.enabled()) {
            return LinkState.PURPLE;
        }
        if (links.containsKey(trust.remoteId())) {
            return LinkState.GREEN;
        }
        return attachedElsewhere(trust) ? LinkState.EMPTY : LinkState.RED;
    }

    /** On an RTS: the trust's {@code rts_id} names another RTS, so the server is attached there, not here. */
    public boolean attachedElsewhere(Trust trust) {
        String rtsId = trust.notes() == null ? null : trust.notes().get("rts_id");
        return "rts".equalsIgnoreCase(ownRole) && rtsId != null && !rtsId.isBlank() && !rtsId.strip().equals(ownId);
    }

    /** What the console shows for a trust. */
    public LinkStatus status(Trust trust, boolean dialing) {
        TrustLink link = links.get(trust.remoteId());
        Attempts failed = attempts.get(trust.remoteId());
        LinkState state = state(trust);
        Instant since = link != null ? link.since() : failed != null ? failed.at() : trust.updatedAt();
        LinkBacklog.Queued queued = backlog.queued(trust.remoteId());
        return new LinkStatus(trust.remoteId(), state, since, failed == null ? "" : failed.lastProblem(),
                failed == null ? 0 : failed.failures(), state == LinkState.RED && dialing && failed != null ? failed.next() : null, dialing,
                queued.envelopes(), queued.oldestSeconds());
    }

    boolean connected(String remoteId) {
        return links.containsKey(remoteId);
    }

    /** Registers an authenticated link, closing an older one to the same remote. */
    void attach(TrustLink link) {
        if (attempts.remove(link.remoteId()) != null) {
            backoff.reset(link.remoteId());
        }
        TrustLink older = links.put(link.remoteId(), link);
        if (older != null && older != link) {
            older.close();
        }
        link.start(() -> {
            if (links.remove(link.remoteId(), link)) {
                LOGGER.infov("Trust link with {0} closed", link.remoteId());
            }
            listener.down(link);
        });
        LOGGER.infov("Trust link with {0} is up ({1})", link.remoteId(), link.dialed() ? "we dialed" : "it dialed");
        listener.up(link);
    }

    /** Closes the link to a remote at once (its trust was blocked or deleted): no envelope crosses it any more. */
    public void close(String remoteId) {
        TrustLink link = links.remove(remoteId);
        if (link != null) {
            link.close();
        }
    }

    List<String> connectedRemotes() {
        return new ArrayList<>(links.keySet());
    }

    /** Records a failed attempt; answers when the next one is due. */
    Instant failed(String remoteId, String problem, java.time.Duration min, java.time.Duration max) {
        Attempts updated = attempts.compute(remoteId, (id, old) -> {
            int failures = old == null ? 1 : old.failures() + 1;
            long delay = Math.min(max.toMillis(), min.toMillis() << Math.min(20, failures - 1));
            Instant now = Instant.now();
            return new Attempts(failures, problem, now, now.plusMillis(delay));
        });
        backoff.save(remoteId, updated);
        return updated.next();
    }

    /**
     * Whether a dial to this remote is due: the stored backoffs are read (a dial failing before would
     * count from one again and overwrite them) and no failure is pending a backoff.
     */
    boolean due(String remoteId) {
        if (!restored) {
            return false;
        }
        Attempts failed = attempts.get(remoteId);
        return failed == null || !Instant.now().isBefore(failed.next());
    }

    /** Refreshes the set of {@code connection_status} series from the current trusts (the dialer does, every dial interval). */
    void publish(List<Trust> trusts) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        List<MultiGauge.Row<?>> failures = new ArrayList<>();
        for (Trust trust : trusts) {
            // Connected or not is read at each scrape; enabled or blocked as of this refresh.
            if (state(trust) == LinkState.EMPTY) {
                continue;
            }
            rows.add(MultiGauge.Row.of(Tags.of("remote", trust.remoteId()), trust, current -> state(current).metric()));
            failures.add(MultiGauge.Row.of(Tags.of("remote", trust.remoteId()), trust.remoteId(),
                    remote -> attempts.containsKey(remote) ? attempts.get(remote).failures() : 0));
        }
        connectionStatus.register(rows, true);
        linkFailures.register(failures, true);
        backlog.trusts(trusts.stream().map(Trust::remoteId).collect(java.util.stream.Collectors.toSet()));
    }
}
