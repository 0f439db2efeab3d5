package io.stratum.admin.users;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.admin.Await;
import io.stratum.admin.TableOrder;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.core.account.UserAdministration;
import io.stratum.core.account.UserAdministration.UserPage;
import io.stratum.core.account.UserAdministration.UserProfile;
import io.stratum.core.api.ApiException;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;

/** Chat users for the console and the admin API; every change audited. Blocking: call from a worker thread. */
@ApplicationScoped
public class ConsoleUsers {
    private final UserAdministration users;
    private final AdminAudit audit;

    public ConsoleUsers(UserAdministration users, AdminAudit audit) {
        this.users = users;
        this.audit = audit;
    }

    /** The users table's default order: newest first. */
    public static final TableOrder<UserAdministration.SortBy> NEWEST = new TableOrder<>(UserAdministration.SortBy.CREATED, true);

    public UserPage search(String query, TableOrder<UserAdministration.SortBy> order, int offset, int limit) {
        return Await.of(users.search(query, order.column(), order.descending(), offset, limit));
    }

    public UserProfile profile(String huid) {
        return Await.of(users.profile(parse(huid)));
    }

    public void setBlocked(AdminPrincipal admin, String huid, boolean blocked) {
        String before = Await.of(users.setBlocked(parse(huid), blocked));
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), blocked ? "user.block" : "user.unblock", huid,
                Map.of("status", before), Map.of("status", blocked ? "blocked" : "active"))));
    }

    public int endSessions(AdminPrincipal admin, String huid) {
        int ended = Await.of(users.endSessions(parse(huid)));
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "user.end-sessions", huid, Map.of(), Map.of("devices", ended))));
        return ended;
    }

    /** Deletes a user (see {@link UserAdministration#delete}); audited with who they were, so the record says whom the HUID was. */
    public UserAdministration.UserSummary delete(AdminPrincipal admin, String huid) {
        UserAdministration.UserSummary before = Await.of(users.delete(parse(huid)));
        Map<String, Object> was = new java.util.LinkedHashMap<>();
        was.put("status", before.status());
        was.put("name", before.name());
        if (before.email() != null) {
            was.put("email", before.email());
        }
        if (before.phone() != null) {
            was.put("phone", before.phone());
        }
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "user.delete", huid, was, Map.of("status", "deleted"))));
        return before;
    }

    private static UUID parse(String huid) {
        try {
            return UUID.fromString(huid);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.notFound("user_not_found", "no such user on this server");
        }
    }
}
