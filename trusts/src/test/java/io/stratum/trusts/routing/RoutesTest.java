package io.stratum.trusts.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.stratum.trusts.records.TrustKind;

/** The demo's topology: cts-a and cts-b under the ets, the ets and cts-c under the rts, cts-a and cts-c partners. */
class RoutesTest {

    @Test
    void shouldPreferTheDirectLinkThenFallBackUpTheTiers() {
        Routes ctsA = new Routes("cts-a", "cts");
        ctsA.connected("ets", TrustKind.ETS);
        ctsA.connected("cts-c", TrustKind.CTS);
        assertEquals(Optional.of("cts-c"), ctsA.nextHop("cts-c"));
        assertEquals(Optional.of("ets"), ctsA.nextHop("cts-b"));

        ctsA.disconnected("cts-c");
        assertEquals(Optional.of("ets"), ctsA.nextHop("cts-c"), "the direct link is down: through the relays");
        ctsA.connected("cts-c", TrustKind.CTS);
        assertEquals(Optional.of("cts-c"), ctsA.nextHop("cts-c"), "and back when it heals");
    }

    @Test
    void shouldPreferTheNearestUpperTier() {
        Routes cts = new Routes("cts-x", "cts");
        cts.connected("rts", TrustKind.RTS);
        cts.connected("ets", TrustKind.ETS);
        assertEquals(Optional.of("ets"), cts.upstream());
        assertEquals(Optional.of("ets"), cts.nextHop("somewhere"));
    }

    @Test
    void shouldRouteDownToWhatTheLowerTiersAnnounce() {
        Routes ets = new Routes("ets", "ets");
        ets.connected("rts", TrustKind.RTS);
        ets.connected("cts-a", TrustKind.CTS);
        ets.connected("cts-b", TrustKind.CTS);
        assertEquals(Set.of("ets", "cts-a", "cts-b"), ets.announcementFor("rts"));
        assertEquals(Set.of("ets"), ets.announcementFor("cts-a"), "lower tiers are told only of the server itself");

        Routes rts = new Routes("rts", "rts");
        rts.connected("ets", TrustKind.ETS);
        rts.connected("cts-c", TrustKind.CTS);
        assertTrue(rts.announced("ets", ets.announcementFor("rts")));
        assertEquals(Optional.of("ets"), rts.nextHop("cts-b"));
        assertEquals(Optional.of("cts-c"), rts.nextHop("cts-c"));
        assertEquals(Optional.empty(), rts.nextHop("cts-unknown"), "the top has nowhere to send it: it waits");

        ets.disconnected("cts-b");
        assertTrue(rts.announced("ets", ets.announcementFor("rts")));
        assertEquals(Optional.empty(), rts.nextHop("cts-b"), "cts-b is gone from below the ets");
    }

    @Test
    void shouldTellAnotherRegionEverythingBelow() {
        Routes rts = new Routes("rts-1", "rts");
        rts.connected("rts-2", TrustKind.TTS);
        rts.connected("cts-c", TrustKind.CTS);
        assertEquals(Set.of("rts-1", "cts-c"), rts.announcementFor("rts-2"));
        assertEquals(Optional.empty(), rts.upstream(), "another region is not an upper tier");
        rts.announced("rts-2", Set.of("rts-2", "cts-far"));
        assertEquals(Optional.of("rts-2"), rts.nextHop("cts-far"));
    }
}
