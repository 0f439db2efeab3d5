package io.stratum.admin.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.stratum.admin.graph.RoutingGraph.Edge;
import io.stratum.admin.graph.RoutingGraph.Graph;
import io.stratum.admin.graph.RoutingGraph.Node;
import io.stratum.admin.graph.RoutingGraph.Remote;
import io.stratum.admin.graph.RoutingGraph.Self;
import io.stratum.trusts.records.TrustKind;
import io.stratum.trusts.routing.Routes;

class RoutingGraphTest {
    private static final Self ETS = new Self("ets-a", "ets", "ets-a.corp.example");

    @Test
    void shouldDrawThisServerAloneWhenItHasNoTrusts() {
        Graph graph = RoutingGraph.assemble(ETS, List.of(), List.of(), Map.of("ets-a", 3L));

        assertEquals(List.of(new Node("ets-a", "ETS", "ets-a.corp.example", "SELF", 3)), graph.nodes());
        assertEquals(List.of(), graph.edges());
    }

    @Test
    void shouldDrawEveryTrustWithItsLinkStateAndChatCount() {
        List<Remote> trusts = List.of(new Remote("rts-1", "RTS", "rts.example:5001", "GREEN"),
                new Remote("cts-b", "CTS", "chat.b.example", "RED"), new Remote("cts-c", "CTS", "chat.c.example", "PURPLE"));

        Graph graph = RoutingGraph.assemble(ETS, trusts, List.of(), Map.of("cts-b", 2L));

        assertEquals(List.of("ets-a", "rts-1", "cts-b", "cts-c"), graph.nodes().stream().map(Node::id).toList());
        assertEquals(new Node("cts-b", "CTS", "chat.b.example", "RED", 2), graph.nodes().get(2));
        assertEquals(List.of(new Edge("ets-a", "rts-1", "GREEN"), new Edge("ets-a", "cts-b", "RED"), new Edge("ets-a", "cts-c", "PURPLE")),
                graph.edges());
    }

    @Test
    void shouldAddTheServersAConnectedNeighbourAnnouncedAsUnknownUnlessATrustNamesThem() {
        Routes routes = new Routes("ets-a", "ets");
        routes.connected("rts-1", TrustKind.RTS);
        routes.announced("rts-1", Set.of("rts-1", "ets-b", "cts-x", "ets-a", "cts-b"));
        List<Remote> trusts = List.of(new Remote("rts-1", "RTS", "rts.example", "GREEN"), new Remote("cts-b", "CTS", "chat.b.example", "RED"));

        Graph graph = RoutingGraph.assemble(ETS, trusts, List.of(routes.neighbour("rts-1").orElseThrow()), Map.of("cts-x", 1L));

        assertEquals(List.of("ets-a", "rts-1", "cts-b", "cts-x", "ets-b"), graph.nodes().stream().map(Node::id).toList());
        assertEquals(new Node("cts-x", "UNKNOWN", "", "GREEN", 1), graph.nodes().get(3));
        assertEquals("CTS", graph.nodes().get(2).role(), "a trust names its kind");
        assertTrue(graph.edges().contains(new Edge("rts-1", "cts-x", "GREEN")));
        assertTrue(graph.edges().contains(new Edge("rts-1", "cts-b", "GREEN")), "cts-b is reached through rts-1 while its own link is down");
        assertTrue(graph.edges().stream().noneMatch(e -> e.to().equals("ets-a") && !e.from().equals("ets-a")), "this server is never announced back");
        assertTrue(graph.edges().stream().noneMatch(e -> e.from().equals(e.to())), "a neighbour has no edge to itself");
    }
}
