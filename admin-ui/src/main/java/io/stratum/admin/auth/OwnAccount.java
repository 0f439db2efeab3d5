package io.stratum.admin.auth;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.admin.Await;
import io.stratum.admin.InvalidInput;
import io.stratum.common.password.PasswordHash;
import io.stratum.common.password.PasswordPolicy;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;
import io.stratum.core.server.ServerConfig;

/**
 * What an administrator does to their own account: change the password, enroll or remove the TOTP
 * second factor. Each change is audited. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class OwnAccount {
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final TotpSecrets totp;
    private final AdminAudit audit;
    private final ServerConfig server;

    public OwnAccount(AccountStore accounts, SessionStore sessions, TotpSecrets totp, AdminAudit audit, ServerConfig server) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.totp = totp;
        this.audit = audit;
        this.server = server;
    }

    /** A TOTP secret being enrolled, shown once: the base32 text and the otpauth URI. */
    public record Enrollment(String secret, String uri) {
    }

    /** Changes the password after checking the current one; ends the administrator's other sessions. */
    public void changePassword(AdminPrincipal admin, String current, String proposed) {
        Account account = load(admin);
        if (current == null || !PasswordHash.matches(current, account.passwordHash())) {
            throw InvalidInput.of("current", "the current password is wrong");
        }
        String next = proposed == null ? "" : proposed;
        PasswordPolicy.check(account.username(), next).ifPresent(rule -> {
            throw InvalidInput.of("password", rule);
        });
        Await.of(accounts.setPassword(account.id(), PasswordHash.hash(next)));
        int ended = Await.of(sessions.endOthers(account.id(), admin.sessionHash()));
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "account.password", admin.username(),
                Map.of("password", "set"), Map.of("password", "set", "otherSessionsEnded", ended))));
    }

    /** Starts TOTP enrollment: a new secret, pending until {@link #confirmTotp} gets a valid code. */
    public Enrollment startTotp(AdminPrincipal admin) {
        Account account = load(admin);
        byte[] secret = Totp.newSecret();
        Await.of(accounts.setPendingTotp(account.id(), totp.seal(account.id(), secret)));
        return new Enrollment(Totp.base32(secret), Totp.uri("Stratum " + server.id(), account.username(), secret));
    }

    /** Turns the pending secret on when the code from the authenticator app matches it. */
    public void confirmTotp(AdminPrincipal admin, String code) {
        Account account = load(admin);
        if (account.totpPendingSealed() == null) {
            throw InvalidInput.of("code", "start the enrollment first");
        }
        OptionalLong step = Totp.verify(totp.open(account.id(), account.totpPendingSealed()), code, Instant.now(), 0);
        if (step.isEmpty()) {
            throw InvalidInput.of("code", "the code does not match; check the device's clock and type the current code");
        }
        Await.of(accounts.activateTotp(account.id(), step.getAsLong()));
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "account.totp.enable", admin.username(),
                Map.of("totp", account.totpEnabled()), Map.of("totp", true))));
    }

    /** Removes the second factor after checking the password. */
    public void disableTotp(AdminPrincipal admin, String password) {
        Account account = load(admin);
        if (password == null || !PasswordHash.matches(password, account.passwordHash())) {
            throw InvalidInput.of("current", "the current password is wrong");
        }
        Await.of(accounts.clearTotp(account.id()));
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "account.totp.disable", admin.username(),
                Map.of("totp", account.totpEnabled()), Map.of("totp", false))));
    }

    private Account load(AdminPrincipal admin) {
        return Await.of(accounts.byId(admin.id())).orElseThrow(() -> new IllegalStateException("the account was deleted"));
    }
}
