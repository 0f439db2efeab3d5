package io.stratum.admin.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The {@code administrator} table (written first by {@code stratum add-admin}). */
@ApplicationScoped
public class AccountStore {
    private static final String COLUMNS = "id, username, password_hash, role, sections, totp_secret_sealed, "
            + "totp_pending_sealed, totp_last_step, created_at, password_changed_at";

    private final Pool database;

    public AccountStore(Pool database) {
        this.database = database;
    }

    public Uni<Optional<Account>> byUsername(String username) {
        return one("SELECT " + COLUMNS + " FROM administrator WHERE username = $1", Tuple.of(username));
    }

    public Uni<Optional<Account>> byId(long id) {
        return one("SELECT " + COLUMNS + " FROM administrator WHERE id = $1", Tuple.of(id));
    }

    public Uni<List<Account>> all() {
        return database.query("SELECT " + COLUMNS + " FROM administrator ORDER BY username").execute().map(AccountStore::accounts);
    }

    /** Creates an account; false when the login is taken. */
    public Uni<Boolean> create(String username, String passwordHash, Rights rights) {
        return database.preparedQuery("INSERT INTO administrator (username, password_hash, role, sections) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (username) DO NOTHING")
                .execute(Tuple.of(username, passwordHash, rights.role().name(), rights.sectionsColumn()))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> delete(long id) {
        return update("DELETE FROM administrator WHERE id = $1", Tuple.of(id));
    }

    public Uni<Boolean> setPassword(long id, String passwordHash) {
        return update("UPDATE administrator SET password_hash = $2, password_changed_at = now() WHERE id = $1", Tuple.of(id, passwordHash));
    }

    public Uni<Boolean> setRights(long id, Rights rights) {
        return update("UPDATE administrator SET role = $2, sections = $3 WHERE id = $1",
                Tuple.of(id, rights.role().name(), rights.sectionsColumn()));
    }

    public Uni<Boolean> setPendingTotp(long id, byte[] sealed) {
        return update("UPDATE administrator SET totp_pending_sealed = $2 WHERE id = $1", Tuple.of(id, Buffer.buffer(sealed)));
    }

    /** Makes the pending secret the active one; {@code step} is the step of the confirming code. */
    public Uni<Boolean> activateTotp(long id, long step) {
        return update("UPDATE administrator SET totp_secret_sealed = totp_pending_sealed, totp_pending_sealed = NULL, "
                + "totp_last_step = $2 WHERE id = $1 AND totp_pending_sealed IS NOT NULL", Tuple.of(id, step));
    }

    public Uni<Boolean> clearTotp(long id) {
        return update("UPDATE administrator SET totp_secret_sealed = NULL, totp_pending_sealed = NULL, totp_last_step = 0 "
                + "WHERE id = $1", Tuple.of(id));
    }

    /** Records a used TOTP step; false when that step (or a later one) was used already, by any instance. */
    public Uni<Boolean> useTotpStep(long id, long step) {
        return update("UPDATE administrator SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2", Tuple.of(id, step));
    }

    /** How many full administrators there are (the last one may not be removed or demoted). */
    public Uni<Long> countAdministrators() {
        return database.query("SELECT count(*) FROM administrator WHERE role = 'ADMINISTRATOR'").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private Uni<Boolean> update(String sql, Tuple tuple) {
        return database.preparedQuery(sql).execute(tuple).map(rows -> rows.rowCount() > 0);
    }

    private Uni<Optional<Account>> one(String sql, Tuple tuple) {
        return database.preparedQuery(sql).execute(tuple).map(rows -> accounts(rows).stream().findFirst());
    }

    private static List<Account> accounts(RowSet<Row> rows) {
        List<Account> accounts = new ArrayList<>();
        for (Row row : rows) {
            accounts.add(new Account(row.getLong("id"), row.getString("username"), row.getString("password_hash"),
                    Rights.parse(row.getString("role"), row.getString("sections")), bytes(row, "totp_secret_sealed"),
                    bytes(row, "totp_pending_sealed"), row.getLong("totp_last_step"),
                    row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("password_changed_at").toInstant()));
        }
        return accounts;
    }

    private static byte[] bytes(Row row, String column) {
        io.vertx.mutiny.core.buffer.Buffer buffer = row.getBuffer(column);
        return buffer == null ? null : Arrays.copyOf(buffer.getBytes(), buffer.length());
    }
}
