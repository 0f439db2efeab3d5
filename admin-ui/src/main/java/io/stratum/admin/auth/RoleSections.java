package io.stratum.admin.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.core.server.ServerConfig;

/**
 * Which console sections exist on this server's role (admin.md: "present where the role has the
 * function"). A section that is absent is neither in the menu nor offered as a grant, and its pages
 * and API answer 404 ({@link AccessFilter}). Only the corporate server (CTS) has a directory
 * (AD/LDAP); the CTS and the ETS have an address book (the reference product's {@code ets_phonebook}),
 * the public RTS has none; every role has trusts (servers above and below, the graph), but partner
 * trusts are a CTS function, so the Trusts page is a CTS menu entry.
 */
@ApplicationScoped
public class RoleSections {
    /** Sections that exist on some roles only, with those roles; every other section exists everywhere. */
    private static final Map<Section, Set<String>> LIMITED = Map.of(
            Section.DIRECTORY, Set.of("cts"),
            Section.ADDRESS_BOOK, Set.of("cts", "ets"));

    private final String role;

    public RoleSections(ServerConfig server) {
        this.role = server.role().strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the section exists on a server of the given role ({@code cts}, {@code ets}, {@code rts}). */
    public static boolean presentOn(String role, Section section) {
        Set<String> roles = LIMITED.get(section);
        return roles == null || roles.contains(role.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the section exists on this server. */
    public boolean present(Section section) {
        return presentOn(role, section);
    }

    /** The roles that have {@code section}, upper case and sorted, e.g. "CTS, ETS". */
    public static String rolesWith(Section section) {
        return Stream.of("cts", "ets", "rts").filter(role -> presentOn(role, section)).map(role -> role.toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** This server's role in lower case: cts, ets or rts. */
    public String role() {
        return role;
    }

    /** Whether this server is a regional server (phone registration and SMS). */
    public boolean regional() {
        return "rts".equals(role);
    }

    /** Whether this server is a corporate server (partner trusts, directory, address book). */
    public boolean corporate() {
        return "cts".equals(role);
    }
}
