package io.stratum.admin.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.core.server.ServerConfig;

/**
 * Which console sections exist on this server's role (admin.md: "present where the role has the
 * function"). A section that is absent is neither in the menu nor offered as a grant, and its pages
 * and API answer 404 ({@link AccessFilter}). Only the corporate server (CTS) has a directory
 * (AD/LDAP) and a corporate address book; every role has trusts (servers above and below, the
 * graph), but partner trusts are a CTS function, so the Trusts page is a CTS menu entry.
 */
@ApplicationScoped
public class RoleSections {
    private static final Set<Section> CTS_ONLY = EnumSet.of(Section.DIRECTORY, Section.ADDRESS_BOOK);

    private final String role;

    public RoleSections(ServerConfig server) {
        this.role = server.role().strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the section exists on a server of the given role ({@code cts}, {@code ets}, {@code rts}). */
    public static boolean presentOn(String role, Section section) {
        return !CTS_ONLY.contains(section) || "cts".equalsIgnoreCase(role);
    }

    /** Whether the section exists on this server. */
    public boolean present(Section section) {
        return presentOn(role, section);
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
