package io.stratum.core.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.live.SessionTermination;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Chat users as administrators manage them: search, a profile with devices, block and unblock, end
 * sessions. Blocking ends the user's sessions at once (tokens stop working, open WebSockets close on
 * every instance); unblocking lets the user log in again. A user the directory disabled stays
 * disabled: the directory decides (docs/directory.md). Deleting ends the sessions, then leaves a
 * tombstone: the row keeps its HUID (messages already sent stay in their chats, authored by it) with
 * status {@code deleted} and every personal field cleared, so no login, search or address book entry
 * reaches it again. Non-blocking.
 */
@ApplicationScoped
public class UserAdministration {
    private static final String SUMMARY = "huid, email, phone, name, company, department, position, source, status, created_at, last_seen_at, "
            + "directory_id, directory_login";

    private final Pool database;
    private final DeviceSessions devices;
    private final SessionTermination termination;
    private final ChatUsers users;

    public UserAdministration(Pool database, DeviceSessions devices, SessionTermination termination, ChatUsers users) {
        this.database = database;
        this.devices = devices;
        this.termination = termination;
        this.users = users;
    }

    /**
     * One user in a list. {@code source} is how the account came to be ({@code email}, {@code phone},
     * {@code directory}); {@code directoryId} and {@code directoryLogin} are null unless the directory
     * sync linked the user to a directory person. {@code lastSeen} is null for a user never connected.
     */
    public record UserSummary(String huid, String address, String email, String phone, String name, String company, String department,
            String position, String source, String status, Instant created, Instant lastSeen, String directoryId, String directoryLogin) {
    }

    /** A device of a user; {@code revoked} is null while it is logged in. */
    public record Device(String id, String platform, String appVersion, String name, String ip, Instant created, Instant lastSeen,
            Instant revoked) {
    }

    public record UserProfile(UserSummary user, List<Device> devices) {
    }

    public record UserPage(List<UserSummary> users, long total, int offset, int limit) {
    }

    /**
     * Columns a user list may be sorted by. Each names its SQL expression, so that an order is only ever
     * one of these, never text from a request.
     */
    public enum SortBy {
        NAME("lower(name)"), CONTACT("lower(coalesce(email, phone))"), STATUS("status"), LAST_SEEN("last_seen_at"), CREATED("created_at");

        private final String column;

        SortBy(String column) {
            this.column = column;
        }
    }

    /** Users whose e-mail, phone, name, company or department contains {@code query} (any case), newest first. */
    public Uni<UserPage> search(String query, int offset, int limit) {
        return search(query, SortBy.CREATED, true, offset, limit);
    }

    /**
     * Users whose e-mail, phone, name, company or department contains {@code query} (any case), in the
     * given order (empty values last, then by HUID so pages do not overlap).
     */
    public Uni<UserPage> search(String query, SortBy sort, boolean descending, int offset, int limit) {
        String pattern = "%" + (query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        String where = " FROM chat_user WHERE source <> 'system' AND status <> 'deleted' AND (lower(coalesce(email, '')) LIKE $1 OR coalesce(phone, '') LIKE $1 "
                + "OR lower(name) LIKE $1 OR lower(company) LIKE $1 OR lower(department) LIKE $1)";
        String order = " ORDER BY " + sort.column + (descending ? " DESC" : " ASC") + " NULLS LAST, huid";
        int size = Math.max(1, Math.min(limit, 200));
        int from = Math.max(0, offset);
        return database.preparedQuery("SELECT count(*)" + where).execute(Tuple.of(pattern))
                .chain(count -> database.preparedQuery("SELECT " + SUMMARY + where + order + " LIMIT $2 OFFSET $3")
                        .execute(Tuple.of(pattern, size, from))
                        .map(rows -> {
                            List<UserSummary> page = new ArrayList<>();
                            rows.forEach(row -> page.add(summary(row)));
                            return new UserPage(page, count.iterator().next().getLong(0), from, size);
                        }));
    }

    /** The user and every device, newest first; 404 {@code user_not_found}. */
    public Uni<UserProfile> profile(UUID huid) {
        return database.preparedQuery("SELECT " + SUMMARY + " FROM chat_user WHERE huid = $1 AND source <> 'system' AND status <> 'deleted'")
                .execute(Tuple.of(huid))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().failure(notFound());
                    }
                    UserSummary user = summary(rows.iterator().next());
                    return database.preparedQuery("SELECT id, platform, app_version, name, ip, created_at, last_seen_at, revoked_at "
                                    + "FROM device WHERE huid = $1 ORDER BY created_at DESC").execute(Tuple.of(huid))
                            .map(deviceRows -> {
                                List<Device> list = new ArrayList<>();
                                deviceRows.forEach(row -> list.add(new Device(row.getUUID(0).toString(), row.getString(1), row.getString(2),
                                        row.getString(3), row.getString(4), instant(row.getOffsetDateTime(5)), instant(row.getOffsetDateTime(6)),
                                        instant(row.getOffsetDateTime(7)))));
                                return new UserProfile(user, list);
                            });
                });
    }

    /**
     * Blocks (ends every session) or unblocks a user; answers the status before the change.
     * 409 {@code user_disabled_by_directory} for a user the directory disabled.
     */
    public Uni<String> setBlocked(UUID huid, boolean blocked) {
        return database.preparedQuery("SELECT status FROM chat_user WHERE huid = $1 AND source <> 'system' AND status <> 'deleted'").execute(Tuple.of(huid))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().failure(notFound());
                    }
                    String before = rows.iterator().next().getString(0);
                    if ("disabled".equals(before)) {
                        return Uni.createFrom().failure(new ApiException(409, "user_disabled_by_directory",
                                "the corporate directory disabled this user; enable them there and sync"));
                    }
                    return database.preparedQuery("UPDATE chat_user SET status = $2 WHERE huid = $1")
                            .execute(Tuple.of(huid, blocked ? "blocked" : "active"))
                            .chain(() -> blocked ? endSessions(huid).replaceWithVoid() : Uni.createFrom().voidItem())
                            .replaceWith(before);
                });
    }

    /** Logs every device of the user out and closes their WebSockets; answers how many devices were logged out. */
    public Uni<Integer> endSessions(UUID huid) {
        return users.byHuid(huid).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(notFound());
            }
            return devices.revokeAll(huid).map(revoked -> {
                termination.end(huid, revoked);
                return revoked.size();
            });
        });
    }

    /**
     * Deletes a user: logs every device out and closes their WebSockets, then clears the account —
     * e-mail, phone, name, company, department, position, directory link — marks it {@code deleted},
     * and unlinks the address book entries that pointed at it. The HUID stays, so messages already
     * sent stay in their chats; the address is free for a new account (with a new HUID). Answers the
     * user as they were before; 404 {@code user_not_found} (also for a user already deleted).
     */
    public Uni<UserSummary> delete(UUID huid) {
        return profile(huid).chain(before -> endSessions(huid)
                .chain(() -> database.withTransaction(connection -> connection.preparedQuery("""
                                UPDATE chat_user SET status = 'deleted', email = NULL, phone = NULL, name = '', company = '',
                                    department = '', position = '', directory_id = NULL, directory_login = NULL
                                WHERE huid = $1 AND source <> 'system'""").execute(Tuple.of(huid))
                        .chain(() -> connection.preparedQuery("UPDATE address_book_entry SET huid = NULL WHERE huid = $1")
                                .execute(Tuple.of(huid)))))
                .replaceWith(before.user()));
    }

    private UserSummary summary(Row row) {
        UUID huid = row.getUUID("huid");
        return new UserSummary(huid.toString(), users.address(huid), row.getString("email"), row.getString("phone"), row.getString("name"),
                row.getString("company"), row.getString("department"), row.getString("position"), row.getString("source"),
                row.getString("status"), instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("last_seen_at")),
                row.getString("directory_id"), row.getString("directory_login"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static ApiException notFound() {
        return ApiException.notFound("user_not_found", "no such user on this server");
    }
}
