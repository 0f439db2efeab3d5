package io.stratum.admin.administrators;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.admin.Await;
import io.stratum.admin.InvalidInput;
import io.stratum.admin.auth.AccountStore;
import io.stratum.admin.auth.Account;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.admin.auth.AdminRole;
import io.stratum.admin.auth.LoginThrottle;
import io.stratum.admin.auth.Rights;
import io.stratum.admin.auth.RoleSections;
import io.stratum.admin.auth.Section;
import io.stratum.admin.auth.SessionStore;
import io.stratum.common.password.PasswordHash;
import io.stratum.common.password.PasswordPolicy;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;

/**
 * Managing other administrators. Rules: the login follows {@code stratum add-admin}'s; the password
 * follows the policy; nobody deletes or demotes themselves; the last full administrator stays.
 * Every change is audited. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class Administrators {
    static final Pattern LOGIN = Pattern.compile("[a-z0-9._@-]{1,64}");

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final AdminAudit audit;
    private final RoleSections roleSections;

    public Administrators(AccountStore accounts, SessionStore sessions, LoginThrottle throttle, AdminAudit audit, RoleSections roleSections) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.roleSections = roleSections;
    }

    /** The name of the first granted section this server's role does not have, if any. */
    private java.util.Optional<String> absentSection(Rights rights) {
        return rights.grants().keySet().stream().filter(section -> !roleSections.present(section)).map(Section::name).sorted().findFirst();
    }

    /** Sort keys of the administrators table. */
    public enum SortBy {
        USERNAME, ROLE, CREATED
    }

    /** Administrators whose login contains {@code filter}, sorted. */
    public List<AdministratorView> list(String filter, SortBy sort, boolean descending) {
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        Comparator<AdministratorView> order = switch (sort) {
            case USERNAME -> Comparator.comparing(AdministratorView::username);
            case ROLE -> Comparator.comparing((AdministratorView a) -> a.role().name()).thenComparing(AdministratorView::username);
            case CREATED -> Comparator.comparing(AdministratorView::createdAt);
        };
        return Await.of(accounts.all()).stream().map(AdministratorView::of)
                .filter(a -> a.username().contains(needle))
                .sorted(descending ? order.reversed() : order).toList();
    }

    public AdministratorView create(AdminPrincipal actor, String username, String password, Rights rights) {
        String login = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!LOGIN.matcher(login).matches()) {
            errors.put("username", "1-64 letters, digits, '.', '_', '@' or '-'");
        }
        PasswordPolicy.check(login, password == null ? "" : password).ifPresent(rule -> errors.put("password", rule));
        if (rights.role() == AdminRole.LIMITED && rights.grants().isEmpty()) {
            errors.put("sections", "choose at least one section for a limited administrator");
        }
        absentSection(rights).ifPresent(section -> errors.put("sections", "there is no section " + section + " on this "
                + roleSections.role().toUpperCase(Locale.ROOT)));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (!Await.of(accounts.create(login, PasswordHash.hash(password), rights))) {
            throw InvalidInput.of("username", "an administrator with this login exists already");
        }
        Account created = Await.of(accounts.byUsername(login)).orElseThrow();
        Await.of(audit.record(AdminAction.now(actor.username(), actor.ip(), "administrator.create", login, Map.of(),
                describe(created))));
        return AdministratorView.of(created);
    }

    public void delete(AdminPrincipal actor, long id) {
        Account account = existing(id);
        if (account.id() == actor.id()) {
            throw InvalidInput.of("id", "you cannot delete your own account");
        }
        keepLastAdministrator(account);
        Await.of(accounts.delete(id));
        Await.of(audit.record(AdminAction.now(actor.username(), actor.ip(), "administrator.delete", account.username(),
                describe(account), Map.of())));
    }

    public void changeRights(AdminPrincipal actor, long id, Rights rights) {
        Account account = existing(id);
        if (account.id() == actor.id()) {
            throw InvalidInput.of("role", "you cannot change your own rights");
        }
        if (rights.role() != AdminRole.ADMINISTRATOR) {
            keepLastAdministrator(account);
        }
        if (rights.role() == AdminRole.LIMITED && rights.grants().isEmpty()) {
            throw InvalidInput.of("sections", "choose at least one section for a limited administrator");
        }
        absentSection(rights).ifPresent(section -> {
            throw InvalidInput.of("sections", "there is no section " + section + " on this " + roleSections.role().toUpperCase(Locale.ROOT));
        });
        Await.of(accounts.setRights(id, rights));
        Await.of(sessions.endAll(id));
        Await.of(audit.record(AdminAction.now(actor.username(), actor.ip(), "administrator.rights", account.username(),
                describe(account), describe(Await.of(accounts.byId(id)).orElseThrow()))));
    }

    /**
     * Resets an account: a new password (policy applies), the second factor removed, the lockout
     * lifted, every session ended.
     */
    public void reset(AdminPrincipal actor, long id, String password) {
        Account account = existing(id);
        PasswordPolicy.check(account.username(), password == null ? "" : password).ifPresent(rule -> {
            throw InvalidInput.of("password", rule);
        });
        Await.of(accounts.setPassword(id, PasswordHash.hash(password)));
        Await.of(accounts.clearTotp(id));
        Await.of(throttle.clear(account.username()));
        Await.of(sessions.endAll(id));
        Await.of(audit.record(AdminAction.now(actor.username(), actor.ip(), "administrator.reset", account.username(),
                Map.of("password", "set", "totp", account.totpEnabled()), Map.of("password", "set", "totp", false))));
    }

    private Account existing(long id) {
        return Await.of(accounts.byId(id)).orElseThrow(() -> new NotFound("administrator " + id + " does not exist"));
    }

    private void keepLastAdministrator(Account account) {
        if (account.rights().role() == AdminRole.ADMINISTRATOR && Await.of(accounts.countAdministrators()) <= 1) {
            throw InvalidInput.of("id", "the last full administrator must stay");
        }
    }

    private static Map<String, Object> describe(Account account) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", account.username());
        state.put("role", account.rights().role().name());
        state.put("sections", account.rights().sectionsColumn());
        state.put("totp", account.totpEnabled());
        return state;
    }

    /** The administrator named by an id does not exist. */
    public static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
