package io.stratum.admin.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stratum.trusts.routing.Routes;

/**
 * Assembles the graph the console draws: this server, every trust (an edge from this server with the
 * link's state) and every server a connected neighbour announced (an edge from that neighbour, GREEN:
 * the neighbour says it reaches it now). Pure: no I/O, no container.
 */
public final class RoutingGraph {
    /** The status of this server's own node. */
    public static final String SELF = "SELF";
    /** The role of a server only known from an announcement. */
    public static final String UNKNOWN = "UNKNOWN";
    private static final String GREEN = "GREEN";

    private RoutingGraph() {
    }

    /**
     * A server on the graph.
     *
     * @param role   CTS, ETS, RTS or TTS; {@link #UNKNOWN} for a server only announced by a neighbour
     * @param host   the address users and partners know it by, empty when unknown
     * @param status GREEN, RED or PURPLE (the link's state), {@link #SELF} for this server
     * @param chats  chats known here whose home is that server
     */
    public record Node(String id, String role, String host, String status, long chats) {
    }

    /** A link: from this server to a trusted one (the link's state), or from a neighbour to a server it announced (GREEN). */
    public record Edge(String from, String to, String state) {
    }

    public record Graph(List<Node> nodes, List<Edge> edges) {
    }

    /** This server as the graph shows it. */
    public record Self(String id, String role, String host) {
    }

    /** A trust as the graph shows it: the remote, its kind, its host and its link's state. */
    public record Remote(String id, String kind, String host, String state) {
    }

    /**
     * @param trusts       every trust, in the order to show them
     * @param neighbours   the connected remotes and what each announced ({@link Routes#neighbour(String)})
     * @param chatsByHome  number of chats known here by home server
     */
    public static Graph assemble(Self self, List<Remote> trusts, Collection<Routes.Neighbour> neighbours, Map<String, Long> chatsByHome) {
        return assemble(self, trusts, neighbours, chatsByHome, Map.of());
    }

    /** As above; {@code registered} gives the role and host that announced servers gave for themselves (the registry). */
    public static Graph assemble(Self self, List<Remote> trusts, Collection<Routes.Neighbour> neighbours, Map<String, Long> chatsByHome,
            Map<String, io.stratum.trusts.routing.ServerRegistry.Registered> registered) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Set<Edge> edges = new LinkedHashSet<>();
        nodes.put(self.id(), new Node(self.id(), self.role().toUpperCase(Locale.ROOT), self.host(), SELF, chats(chatsByHome, self.id())));
        for (Remote trust : trusts) {
            if (trust.id().equals(self.id())) {
                continue;
            }
            nodes.put(trust.id(), new Node(trust.id(), trust.kind(), trust.host(), trust.state(), chats(chatsByHome, trust.id())));
            edges.add(new Edge(self.id(), trust.id(), trust.state()));
        }
        List<Routes.Neighbour> byId = new ArrayList<>(neighbours);
        byId.sort(Comparator.comparing(Routes.Neighbour::id));
        for (Routes.Neighbour neighbour : byId) {
            List<String> announced = neighbour.announced().stream().sorted().toList();
            for (String server : announced) {
                if (server.equals(neighbour.id()) || server.equals(self.id())) {
                    continue;
                }
                io.stratum.trusts.routing.ServerRegistry.Registered known = registered.get(server);
                nodes.putIfAbsent(server, new Node(server, known == null || known.role() == null ? UNKNOWN : known.role(),
                        known == null || known.host() == null ? "" : known.host(), GREEN, chats(chatsByHome, server)));
                edges.add(new Edge(neighbour.id(), server, GREEN));
            }
        }
        return new Graph(List.copyOf(nodes.values()), List.copyOf(edges));
    }

    private static long chats(Map<String, Long> chatsByHome, String server) {
        return chatsByHome.getOrDefault(server, 0L);
    }
}
