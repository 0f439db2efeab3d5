package io.stratum.common.settings;

import java.util.Locale;
import java.util.Optional;

/** The three server roles one codebase builds. */
public enum Role {
    /** Regional Transport Server: public, phone registration, relays for servers below it. */
    RTS("rts_id"),
    /** Enterprise Transport Server: aggregates a company's CTS servers. */
    ETS("ets_id"),
    /** Corporate Transport Server: one organisation, on its premises. */
    CTS("cts_id");

    private final String idKey;

    Role(String idKey) {
        this.idKey = idKey;
    }

    /** The settings.yaml key that holds this server's own id when it runs in this role. */
    public String idKey() {
        return idKey;
    }

    /** Lower-case name as written in settings.yaml ({@code project_type}) and on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
