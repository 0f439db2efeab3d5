package io.stratum.admin.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.stratum.admin.graph.ChatPaths.ChatPath;
import io.stratum.admin.graph.ChatPaths.MemberServer;
import io.stratum.admin.graph.ChatPaths.ServerPath;
import io.stratum.trusts.records.TrustKind;
import io.stratum.trusts.routing.Routes;

class ChatPathsTest {
    private final Routes routes = new Routes("cts-a", "cts");

    @Test
    void shouldReachThisServerItselfAndAServerWithALinkUpDirectly() {
        routes.connected("cts-b", TrustKind.CTS);

        assertEquals(List.of("cts-a"), ChatPaths.path("cts-a", "cts-a", routes));
        assertEquals(List.of("cts-a", "cts-b"), ChatPaths.path("cts-a", "cts-b", routes));
    }

    @Test
    void shouldReachAServerThroughTheNeighbourThatAnnouncedIt() {
        routes.connected("ets-1", TrustKind.ETS);
        routes.announced("ets-1", Set.of("cts-c"));

        assertEquals(List.of("cts-a", "ets-1", "cts-c"), ChatPaths.path("cts-a", "cts-c", routes));
    }

    @Test
    void shouldReachAnUnannouncedServerThroughTheUpstream() {
        routes.connected("rts-1", TrustKind.RTS);

        assertEquals(List.of("cts-a", "rts-1", "cts-far"), ChatPaths.path("cts-a", "cts-far", routes));
    }

    @Test
    void shouldHaveNoPathWhileThereIsNoRoute() {
        routes.connected("cts-b", TrustKind.CTS);

        assertEquals(List.of(), ChatPaths.path("cts-a", "cts-far", routes), "a partner CTS relays nothing");
    }

    @Test
    void shouldListTheHomeServerFirstThenEveryMemberServerWithItsPath() {
        routes.connected("cts-b", TrustKind.CTS);
        routes.connected("ets-1", TrustKind.ETS);
        routes.announced("ets-1", Set.of("cts-c"));

        ChatPath chat = ChatPaths.of("cts-a", "chat-1", "cts-b",
                List.of(new MemberServer("cts-c", 1), new MemberServer("cts-a", 2), new MemberServer("cts-b", 1)), routes);

        assertEquals("cts-b", chat.homeServer());
        assertEquals(List.of(new ServerPath("cts-b", true, 1, List.of("cts-a", "cts-b")), new ServerPath("cts-a", false, 2, List.of("cts-a")),
                new ServerPath("cts-c", false, 1, List.of("cts-a", "ets-1", "cts-c"))), chat.servers());
    }

    @Test
    void shouldShowAHomeServerWithoutMembersHere() {
        ChatPath chat = ChatPaths.of("cts-a", "chat-2", "cts-gone", List.of(new MemberServer("cts-a", 2)), routes);

        assertEquals(List.of(new ServerPath("cts-gone", true, 0, List.of()), new ServerPath("cts-a", false, 2, List.of("cts-a"))), chat.servers());
    }
}
