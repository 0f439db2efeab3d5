package io.stratum.trusts.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stratum.core.server.ServerConfig;
import io.stratum.trusts.records.Trust;
import io.stratum.trusts.records.TrustKind;

/** The state a trust shows without a link: red, purple when blocked, empty on an RTS for a server attached to another RTS. */
class LinkStateTest {
    @Test
    void shouldShowAServerOfAnotherRtsAsEmptyOnAnRts() {
        TrustLinks rts = links("rts-1", "rts");
        assertEquals(LinkState.EMPTY, rts.state(trust(true, Map.of("rts_id", "rts-2"))));
        assertEquals(LinkState.RED, rts.state(trust(true, Map.of("rts_id", "rts-1"))), "attached here: a missing link is a problem");
        assertEquals(LinkState.RED, rts.state(trust(true, Map.of())));
        assertEquals(LinkState.PURPLE, rts.state(trust(false, Map.of("rts_id", "rts-2"))), "blocked wins");
    }

    @Test
    void shouldNotUseTheRtsIdOnOtherRoles() {
        assertEquals(LinkState.RED, links("cts-a", "cts").state(trust(true, Map.of("rts_id", "rts-2"))));
    }

    private static TrustLinks links(String id, String role) {
        return new TrustLinks(new SimpleMeterRegistry(), null, null, new ServerConfig() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String role() {
                return role;
            }

            @Override
            public String host() {
                return "localhost";
            }

            @Override
            public Optional<String> region() {
                return Optional.empty();
            }
        });
    }

    private static Trust trust(boolean enabled, Map<String, String> notes) {
        return new Trust("cts-x", "X", TrustKind.CTS, "x.example:5001", "", enabled, false, false, false, notes, Instant.now(), Instant.now(), "admin");
    }
}
