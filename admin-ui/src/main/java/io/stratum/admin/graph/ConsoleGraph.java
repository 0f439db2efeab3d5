package io.stratum.admin.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.admin.Await;
import io.stratum.admin.trusts.ConsoleTrusts;
import io.stratum.core.api.ApiException;
import io.stratum.core.server.ServerConfig;
import io.stratum.trusts.link.LinkStatus;
import io.stratum.trusts.link.TrustLinkConfig;
import io.stratum.trusts.link.TrustLinkServer;
import io.stratum.trusts.records.Trust;
import io.stratum.trusts.routing.Federation;
import io.stratum.trusts.routing.Routes;
import io.stratum.trusts.routing.ServerRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The routing graph and chat paths for the console and the admin API, from the trusts and their links,
 * the routes the federation keeps, and the chats known here. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class ConsoleGraph {
    private final ConsoleTrusts trusts;
    private final Federation federation;
    private final Pool database;
    private final ServerConfig server;
    private final TrustLinkConfig linkConfig;
    private final TrustLinkServer linkServer;
    private final ServerRegistry registry;

    public ConsoleGraph(ConsoleTrusts trusts, Federation federation, Pool database, ServerConfig server, TrustLinkConfig linkConfig,
            TrustLinkServer linkServer, ServerRegistry registry) {
        this.registry = registry;
        this.trusts = trusts;
        this.federation = federation;
        this.database = database;
        this.server = server;
        this.linkConfig = linkConfig;
        this.linkServer = linkServer;
    }

    /** What a partner needs to create a trust to this server (the tokens are agreed between the administrators). */
    public record Integration(String id, String role, String host, int trustPort) {
    }

    public Integration integration() {
        int port = linkConfig.port() != 0 ? linkConfig.port() : linkServer.port();
        return new Integration(server.id(), server.role().toUpperCase(java.util.Locale.ROOT), server.host(), port);
    }

    public RoutingGraph.Graph graph() {
        List<Trust> all = trusts.list();
        Map<String, LinkStatus> links = trusts.links(all);
        List<RoutingGraph.Remote> remotes = new ArrayList<>();
        for (Trust trust : all) {
            remotes.add(new RoutingGraph.Remote(trust.remoteId(), trust.kind().name(), host(trust), links.get(trust.remoteId()).state().name()));
        }
        Routes routes = federation.routes();
        List<Routes.Neighbour> neighbours = routes.neighbours().stream().map(routes::neighbour).flatMap(Optional::stream).toList();
        Map<String, ServerRegistry.Registered> registered = new java.util.HashMap<>();
        registry.all().forEach(known -> registered.put(known.id(), known));
        return RoutingGraph.assemble(new RoutingGraph.Self(server.id(), server.role(), server.host()), remotes, neighbours, chatsByHome(),
                registered);
    }

    /**
     * A server known from route announcements that has no trust here (on an RTS or ETS: a server attached
     * below, through a lower ETS). {@code reachable}: a connected neighbour announces it now.
     */
    public record Attached(String id, String role, String host, String via, boolean reachable, java.time.Instant lastSeen) {
    }

    /** The registry's servers without a trust here, by id. */
    public List<Attached> attached() {
        java.util.Set<String> trusted = new java.util.HashSet<>();
        trusts.list().forEach(trust -> trusted.add(trust.remoteId()));
        Routes routes = federation.routes();
        java.util.Set<String> announced = new java.util.HashSet<>();
        routes.neighbours().forEach(n -> routes.neighbour(n).ifPresent(neighbour -> announced.addAll(neighbour.announced())));
        return registry.all().stream().filter(known -> !trusted.contains(known.id()) && !known.id().equals(server.id()))
                .map(known -> new Attached(known.id(), known.role() == null ? RoutingGraph.UNKNOWN : known.role(),
                        known.host() == null ? "" : known.host(), known.via(), announced.contains(known.id()), known.lastSeen()))
                .toList();
    }

    /** The chat's servers and the path to each; 404 {@code chat_not_found} for a chat not known here. */
    public ChatPaths.ChatPath chatPath(String chatId) {
        UUID id = parse(chatId);
        String home = Await.of(database.preparedQuery("SELECT home_server FROM chat WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null));
        if (home == null) {
            throw notFound();
        }
        List<ChatPaths.MemberServer> members = Await.of(database
                .preparedQuery("SELECT coalesce(server, $2), count(*) FROM chat_member WHERE chat_id = $1 GROUP BY coalesce(server, $2)")
                .execute(Tuple.of(id, server.id())).map(rows -> {
                    List<ChatPaths.MemberServer> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new ChatPaths.MemberServer(row.getString(0), row.getLong(1)));
                    }
                    return found;
                }));
        return ChatPaths.of(server.id(), chatId, home, members, federation.routes());
    }

    private Map<String, Long> chatsByHome() {
        return Await.of(database.query("SELECT home_server, count(*) FROM chat WHERE deleted_at IS NULL GROUP BY home_server").execute()
                .map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    for (Row row : rows) {
                        counts.put(row.getString(0), row.getLong(1));
                    }
                    return counts;
                }));
    }

    /** The address users know the remote by, else the one its link dials. */
    private static String host(Trust trust) {
        if (trust.clientHost() != null && !trust.clientHost().isBlank()) {
            return trust.clientHost();
        }
        return trust.endpoint() == null ? "" : trust.endpoint();
    }

    private static UUID parse(String chatId) {
        try {
            return UUID.fromString(chatId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound();
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("chat_not_found", "no chat with this id is known on this server");
    }
}
