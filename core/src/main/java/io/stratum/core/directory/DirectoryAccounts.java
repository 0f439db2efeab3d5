package io.stratum.core.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The chat users that belong to directory persons. A person is found by directory id; failing
 * that, an existing e-mail user with the person's address is linked (so someone who logged in by
 * PIN before the integration keeps their chats); failing that, a user is created. Status follows the
 * directory: a disabled person's user becomes {@code disabled}, and comes back to {@code active}
 * when re-enabled; an administrator's {@code blocked} is never changed here.
 */
@ApplicationScoped
public class DirectoryAccounts {
    private final Pool database;

    public DirectoryAccounts(Pool database) {
        this.database = database;
    }

    /** What {@link #put} did to one user. */
    public record Outcome(UUID huid, boolean created, boolean changed, String statusBefore, String status) {
        /** Whether the user was active and no longer is (their sessions must end). */
        public boolean justDisabled() {
            return "active".equals(statusBefore) && !"active".equals(status);
        }
    }

    /** Creates or updates the chat user of a person (not in one transaction with the address book: a retry repairs both). */
    public Uni<Outcome> put(DirectoryPerson person) {
        return find(person).chain(found -> found.isPresent() ? update(found.get(), person, false)
                : insert(person).chain(() -> find(person)).chain(created -> update(created.orElseThrow(), person, true)));
    }

    /**
     * Disables the active directory users whose directory id is not among {@code present} (removed
     * from the directory or no longer selected by the filter); returns their HUIDs.
     */
    public Uni<List<UUID>> disableAllBut(Collection<String> present) {
        return database.preparedQuery("UPDATE chat_user SET status = 'disabled' WHERE directory_id IS NOT NULL AND status = 'active' "
                        + "AND NOT (directory_id = ANY($1)) RETURNING huid")
                .execute(Tuple.of(present.toArray(String[]::new)))
                .map(rows -> {
                    List<UUID> disabled = new ArrayList<>();
                    rows.forEach(row -> disabled.add(row.getUUID(0)));
                    return disabled;
                });
    }

    /** How many users came from the directory. */
    public Uni<Long> count() {
        return database.query("SELECT count(*) FROM chat_user WHERE directory_id IS NOT NULL").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private Uni<Optional<UUID>> find(DirectoryPerson person) {
        return database.preparedQuery("""
                        SELECT huid FROM chat_user WHERE directory_id = $1
                        UNION ALL
                        SELECT huid FROM chat_user WHERE $2 <> '' AND email = $2 AND directory_id IS NULL
                        LIMIT 1""")
                .execute(Tuple.of(person.id(), person.email()))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getUUID(0)) : Optional.empty());
    }

    private Uni<Void> insert(DirectoryPerson person) {
        return database.preparedQuery("""
                        INSERT INTO chat_user (huid, email, name, source, directory_id, directory_login, status)
                        VALUES ($1, CASE WHEN $2 = '' OR EXISTS (SELECT 1 FROM chat_user WHERE email = $2) THEN NULL ELSE $2 END,
                            $3, 'directory', $4, $5, 'active')
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.from(Arrays.asList(UUID.randomUUID(), person.email(), person.login(), person.id(), person.login())))
                .replaceWithVoid();
    }

    private Uni<Outcome> update(UUID huid, DirectoryPerson person, boolean created) {
        String name = person.name() == null || person.name().isBlank() ? person.login() : person.name();
        return database.preparedQuery("""
                        WITH before AS (SELECT huid, status, email, name, company, department, position, directory_login
                                        FROM chat_user WHERE huid = $1 FOR UPDATE)
                        UPDATE chat_user u SET directory_id = $2, directory_login = $3, name = $4, company = $5, department = $6,
                            position = $7,
                            email = CASE WHEN $8 = '' OR EXISTS (SELECT 1 FROM chat_user o WHERE o.email = $8 AND o.huid <> u.huid)
                                         THEN u.email ELSE $8 END,
                            status = CASE WHEN $9 AND u.status = 'active' THEN 'disabled'
                                          WHEN NOT $9 AND u.status = 'disabled' THEN 'active' ELSE u.status END
                        FROM before b WHERE u.huid = b.huid
                        RETURNING b.status, u.status, (b.email, b.name, b.company, b.department, b.position, b.directory_login, b.status)
                            IS DISTINCT FROM (u.email, u.name, u.company, u.department, u.position, u.directory_login, u.status)""")
                .execute(Tuple.from(Arrays.asList(huid, person.id(), person.login(), name, person.company(), person.department(),
                        person.position(), person.email(), person.disabled())))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Outcome(huid, created, row.getBoolean(2), created ? "active" : row.getString(0), row.getString(1));
                });
    }
}
