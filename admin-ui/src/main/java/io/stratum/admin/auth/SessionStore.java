package io.stratum.admin.auth;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.admin.AdminConsoleConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Administrator sessions in {@code admin_session}, shared by every instance of the server. The
 * cookie carries a random token; only its SHA-256 is stored. A session ends at its absolute expiry,
 * after the idle timeout, at logout, at "logout everywhere", at a password change or reset.
 */
@ApplicationScoped
public class SessionStore {
    /** last_seen_at is written at most this often per session, to spare the database. */
    private static final long TOUCH_EVERY_SECONDS = 30;

    private final Pool database;
    private final AdminConsoleConfig.Session config;

    public SessionStore(Pool database, AdminConsoleConfig config) {
        this.database = database;
        this.config = config.session();
    }

    /** A new session: the token for the cookie and the CSRF token. */
    public record NewSession(String token, String csrfToken) {
    }

    public Uni<NewSession> create(long administratorId, String ip) {
        String token = Tokens.random();
        String csrf = Tokens.random();
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(config.lifetime());
        return database.preparedQuery("DELETE FROM admin_session WHERE expires_at < now() "
                        + "OR last_seen_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.idleTimeout().toSeconds()))
                .chain(() -> database.preparedQuery("INSERT INTO admin_session (token_hash, administrator_id, csrf_token, ip, expires_at) "
                        + "VALUES ($1, $2, $3, $4, $5)").execute(Tuple.of(Tokens.sha256(token), administratorId, csrf, ip, expires)))
                .replaceWith(new NewSession(token, csrf));
    }

    /** The administrator of a live session, refreshing its idle timer; empty for an unknown or ended session. */
    public Uni<Optional<AdminPrincipal>> find(String token, String ip) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Uni.createFrom().item(Optional.empty());
        }
        String hash = Tokens.sha256(token);
        return database.preparedQuery("SELECT s.csrf_token, extract(epoch FROM now() - s.last_seen_at) AS idle, "
                        + "a.id, a.username, a.role, a.sections, a.totp_secret_sealed IS NOT NULL AS totp "
                        + "FROM admin_session s JOIN administrator a ON a.id = s.administrator_id "
                        + "WHERE s.token_hash = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2)")
                .execute(Tuple.of(hash, (double) config.idleTimeout().toSeconds()))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<AdminPrincipal>empty());
                    }
                    Row row = rows.iterator().next();
                    AdminPrincipal principal = new AdminPrincipal(row.getLong("id"), row.getString("username"),
                            Rights.parse(row.getString("role"), row.getString("sections")), row.getBoolean("totp"), hash,
                            row.getString("csrf_token"), ip);
                    Uni<Optional<AdminPrincipal>> found = Uni.createFrom().item(Optional.of(principal));
                    if (row.getNumeric("idle").doubleValue() < TOUCH_EVERY_SECONDS) {
                        return found;
                    }
                    return database.preparedQuery("UPDATE admin_session SET last_seen_at = now() WHERE token_hash = $1")
                            .execute(Tuple.of(hash)).chain(() -> found);
                });
    }

    /** Ends one session (logout). */
    public Uni<Void> end(String sessionHash) {
        return database.preparedQuery("DELETE FROM admin_session WHERE token_hash = $1").execute(Tuple.of(sessionHash)).replaceWithVoid();
    }

    /** Ends every session of an administrator; returns how many. */
    public Uni<Integer> endAll(long administratorId) {
        return database.preparedQuery("DELETE FROM admin_session WHERE administrator_id = $1")
                .execute(Tuple.of(administratorId)).map(rows -> rows.rowCount());
    }

    /** Ends every session of an administrator but one (after a password change). */
    public Uni<Integer> endOthers(long administratorId, String keepSessionHash) {
        return database.preparedQuery("DELETE FROM admin_session WHERE administrator_id = $1 AND token_hash <> $2")
                .execute(Tuple.of(administratorId, keepSessionHash)).map(rows -> rows.rowCount());
    }
}
