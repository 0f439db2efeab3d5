package io.stratum.admin.administrators;

import java.time.Instant;
import java.util.Map;

import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.Account;
import io.stratum.admin.auth.AdminRole;
import io.stratum.admin.auth.Section;

/** An administrator as the console and the API show it: never the password hash or TOTP secret. */
public record AdministratorView(long id, String username, AdminRole role, Map<Section, Access> sections, boolean totp,
        Instant createdAt, Instant passwordChangedAt) {

    static AdministratorView of(Account account) {
        return new AdministratorView(account.id(), account.username(), account.rights().role(), account.rights().grants(),
                account.totpEnabled(), account.createdAt(), account.passwordChangedAt());
    }

    /** "AUDIT:READ, LOGS:WRITE" for tables. */
    public String sectionsText() {
        return sections.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name() + ":" + e.getValue().name()).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
