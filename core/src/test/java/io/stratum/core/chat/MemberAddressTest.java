package io.stratum.core.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.stratum.core.api.ApiException;

class MemberAddressTest {
    private static final UUID HUID = UUID.fromString("9a1b2c3d-0000-4000-8000-000000000001");

    @Test
    void shouldTakeABareHuidOrOurOwnServerAsLocal() {
        assertTrue(MemberAddress.parse(HUID.toString(), "cts-a").local());
        MemberAddress own = MemberAddress.parse(HUID + "@cts-a", "cts-a");
        assertNull(own.server());
        assertEquals(HUID, own.huid());
    }

    @Test
    void shouldKeepAnotherServersName() {
        MemberAddress remote = MemberAddress.parse(" " + HUID + "@cts-c ", "cts-a");
        assertEquals("cts-c", remote.server());
        assertEquals(HUID, remote.huid());
    }

    @Test
    void shouldRefuseAnythingElseWithTheAddressInTheMessage() {
        for (String bad : new String[] {"", "bob", HUID + "@", HUID + "@bad server", "not-a-uuid-of-thirty-six-characters!!@cts-c", null}) {
            ApiException refused = assertThrows(ApiException.class, () -> MemberAddress.parse(bad, "cts-a"));
            assertEquals("members_invalid", refused.code());
            assertEquals(400, refused.status());
        }
    }
}
