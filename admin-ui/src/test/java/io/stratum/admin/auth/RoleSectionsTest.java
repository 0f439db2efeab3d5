package io.stratum.admin.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Which sections each role has (admin.md, "present where the role has the function"). */
class RoleSectionsTest {
    @Test
    void shouldGiveTheDirectoryToTheCtsOnlyAndTheAddressBookToTheCtsAndEts() {
        for (String role : new String[] {"rts", "ets", "RTS"}) {
            assertFalse(RoleSections.presentOn(role, Section.DIRECTORY), role);
        }
        assertTrue(RoleSections.presentOn("cts", Section.DIRECTORY));
        assertTrue(RoleSections.presentOn("cts", Section.ADDRESS_BOOK));
        assertTrue(RoleSections.presentOn("ETS", Section.ADDRESS_BOOK));
        assertFalse(RoleSections.presentOn("rts", Section.ADDRESS_BOOK));
        assertEquals("CTS", RoleSections.rolesWith(Section.DIRECTORY));
        assertEquals("CTS, ETS", RoleSections.rolesWith(Section.ADDRESS_BOOK));
    }

    @Test
    void shouldGiveEveryOtherSectionToEveryRole() {
        for (String role : new String[] {"cts", "ets", "rts"}) {
            long present = Arrays.stream(Section.values()).filter(section -> RoleSections.presentOn(role, section)).count();
            int absent = switch (role) {
                case "cts" -> 0;
                case "ets" -> 1;
                default -> 2;
            };
            assertEquals(Section.values().length - absent, present, role);
            assertTrue(RoleSections.presentOn(role, Section.TRUSTS), role + " has servers above or below");
            assertTrue(RoleSections.presentOn(role, Section.REGISTRATION), role);
        }
    }
}
