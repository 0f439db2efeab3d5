package io.stratum.admin.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.admin.Await;
import io.stratum.common.password.PasswordHash;
import io.stratum.core.audit.AuditResult;
import io.stratum.core.audit.ConnectionAudit;
import io.stratum.core.audit.ConnectionEvent;

/**
 * Administrator login: throttle check, bcrypt password, TOTP when enabled, then a new session.
 * Every attempt, successful or not, goes to the connection audit. Blocking (bcrypt): call from a
 * worker thread.
 */
@ApplicationScoped
public class LoginService {
    /** Verified instead of a real hash for an unknown login, so that unknown and known logins take as long. */
    private static final String ABSENT_HASH = PasswordHash.hash("no such administrator", PasswordHash.COST);

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final TotpSecrets totp;
    private final ConnectionAudit audit;

    public LoginService(AccountStore accounts, SessionStore sessions, LoginThrottle throttle, TotpSecrets totp, ConnectionAudit audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.totp = totp;
        this.audit = audit;
    }

    /** Why a login was refused. */
    public enum Refusal {
        WRONG_CREDENTIALS, LOCKED, SECOND_FACTOR_REQUIRED, WRONG_SECOND_FACTOR
    }

    /** The outcome: a session, or a refusal (with the wait for LOCKED). */
    public record Outcome(Optional<SessionStore.NewSession> session, Optional<Account> account, Refusal refusal, Duration retryAfter) {
        public boolean succeeded() {
            return session.isPresent();
        }
    }

    public Outcome login(String username, String password, String code, String ip) {
        String login = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<Duration> wait = Await.of(throttle.retryAfter(login, ip));
        if (wait.isPresent()) {
            auditFailure(login, ip, "locked");
            return refused(Refusal.LOCKED, wait.get());
        }
        Optional<Account> account = login.isEmpty() ? Optional.empty() : Await.of(accounts.byUsername(login));
        String secret = password == null ? "" : password;
        boolean passwordOk = PasswordHash.matches(secret, account.map(Account::passwordHash).orElse(ABSENT_HASH)) && account.isPresent();
        if (!passwordOk) {
            return fail(login, ip, Refusal.WRONG_CREDENTIALS, "wrong login or password");
        }
        Account found = account.get();
        if (found.totpEnabled()) {
            if (code == null || code.isBlank()) {
                return fail(login, ip, Refusal.SECOND_FACTOR_REQUIRED, "one-time code missing");
            }
            OptionalLong step = Totp.verify(totp.open(found.id(), found.totpSealed()), code, Instant.now(), found.totpLastStep());
            if (step.isEmpty() || !Await.of(accounts.useTotpStep(found.id(), step.getAsLong()))) {
                return fail(login, ip, Refusal.WRONG_SECOND_FACTOR, "wrong one-time code");
            }
        }
        Await.of(throttle.clear(login));
        SessionStore.NewSession session = Await.of(sessions.create(found.id(), ip));
        Await.of(audit.record(ConnectionEvent.now(ConnectionEvent.Kind.LOGIN, ConnectionEvent.Subject.ADMINISTRATOR, login, "console",
                ip, AuditResult.SUCCESS, "")));
        return new Outcome(Optional.of(session), account, null, Duration.ZERO);
    }

    /** Ends the session and audits the logout. */
    public void logout(AdminPrincipal admin) {
        Await.of(sessions.end(admin.sessionHash()));
        Await.of(audit.record(ConnectionEvent.now(ConnectionEvent.Kind.LOGOUT, ConnectionEvent.Subject.ADMINISTRATOR,
                admin.username(), "console", admin.ip(), AuditResult.SUCCESS, "")));
    }

    /** Ends every session of this administrator, on every instance; returns how many. */
    public int logoutEverywhere(AdminPrincipal admin) {
        int ended = Await.of(sessions.endAll(admin.id()));
        Await.of(audit.record(ConnectionEvent.now(ConnectionEvent.Kind.LOGOUT, ConnectionEvent.Subject.ADMINISTRATOR,
                admin.username(), "console", admin.ip(), AuditResult.SUCCESS, "everywhere: " + ended + " sessions")));
        return ended;
    }

    private Outcome fail(String login, String ip, Refusal refusal, String reason) {
        Await.of(throttle.recordFailure(login, ip));
        auditFailure(login, ip, reason);
        return refused(refusal, Duration.ZERO);
    }

    private void auditFailure(String login, String ip, String reason) {
        Await.of(audit.record(ConnectionEvent.now(ConnectionEvent.Kind.LOGIN, ConnectionEvent.Subject.ADMINISTRATOR,
                login, "console", ip, AuditResult.FAILURE, reason)));
    }

    private static Outcome refused(Refusal refusal, Duration wait) {
        return new Outcome(Optional.empty(), Optional.empty(), refusal, wait);
    }
}
