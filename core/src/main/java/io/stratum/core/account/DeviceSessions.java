package io.stratum.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.auth.AuthConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Devices and their tokens. A login registers a device and issues an access token and a refresh
 * token (random 256-bit values; only their SHA-256 is stored). A refresh replaces both. Logging
 * out, or an administrator ending a user's sessions, revokes the device, which voids its tokens.
 */
@ApplicationScoped
public class DeviceSessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ACCESS = "access";
    private static final String REFRESH = "refresh";

    private final Pool database;
    private final AuthConfig config;

    public DeviceSessions(Pool database, AuthConfig config) {
        this.database = database;
        this.config = config;
    }

    /** Registers a device of the user and issues its first tokens. */
    public Uni<TokenPair> open(UUID huid, Platform platform, String appVersion, String name, String ip) {
        UUID deviceId = UUID.randomUUID();
        return database.withTransaction(connection -> connection.preparedQuery(
                        "INSERT INTO device (id, huid, platform, app_version, name, ip) VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(List.of(deviceId, huid, platform.code(), appVersion, name, ip)))
                .chain(() -> issue(connection, deviceId)));
    }

    /** Exchanges a refresh token for a new pair; fails with 401 {@code refresh_invalid}. */
    public Uni<TokenPair> refresh(String refreshToken) {
        return database.withTransaction(connection -> connection.preparedQuery("""
                        DELETE FROM device_token t USING device d, chat_user u
                        WHERE t.token_hash = $1 AND t.kind = 'refresh' AND t.device_id = d.id AND d.huid = u.huid
                        RETURNING t.device_id, t.expires_at > now() AND d.revoked_at IS NULL AND u.status = 'active'""")
                .execute(Tuple.of(Buffer.buffer(hash(refreshToken))))
                .chain(rows -> {
                    if (!rows.iterator().hasNext() || !rows.iterator().next().getBoolean(1)) {
                        return Uni.createFrom().failure(new ApiException(401, "refresh_invalid",
                                "the refresh token is unknown, expired or revoked; log in again"));
                    }
                    UUID deviceId = rows.iterator().next().getUUID(0);
                    return connection.preparedQuery("DELETE FROM device_token WHERE device_id = $1 AND kind = 'access'")
                            .execute(Tuple.of(deviceId))
                            .chain(() -> issue(connection, deviceId));
                }));
    }

    /** The caller an access token belongs to, if the token is valid and its device and user are active. */
    public Uni<Optional<Caller>> authenticate(String accessToken) {
        return database.preparedQuery("""
                        SELECT d.huid, d.id, d.platform FROM device_token t
                        JOIN device d ON d.id = t.device_id JOIN chat_user u ON u.huid = d.huid
                        WHERE t.token_hash = $1 AND t.kind = 'access' AND t.expires_at > now()
                          AND d.revoked_at IS NULL AND u.status = 'active'""")
                .execute(Tuple.of(Buffer.buffer(hash(accessToken))))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Caller(row.getUUID(0), row.getUUID(1), Platform.fromCode(row.getString(2)).orElseThrow()));
                });
    }

    /** Revokes one device (logout). */
    public Uni<Void> revoke(UUID deviceId) {
        return database.withTransaction(connection -> connection.preparedQuery(
                        "UPDATE device SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL").execute(Tuple.of(deviceId))
                .chain(() -> connection.preparedQuery("DELETE FROM device_token WHERE device_id = $1").execute(Tuple.of(deviceId)))
                .replaceWithVoid());
    }

    /** Revokes every device of a user (an administrator's "end sessions", a disabled directory user). */
    public Uni<List<UUID>> revokeAll(UUID huid) {
        return database.withTransaction(connection -> connection.preparedQuery(
                        "UPDATE device SET revoked_at = now() WHERE huid = $1 AND revoked_at IS NULL RETURNING id")
                .execute(Tuple.of(huid))
                .chain(rows -> {
                    List<UUID> devices = new java.util.ArrayList<>();
                    rows.forEach(row -> devices.add(row.getUUID(0)));
                    return connection.preparedQuery("DELETE FROM device_token WHERE device_id = ANY($1)")
                            .execute(Tuple.of(devices.toArray(UUID[]::new))).replaceWith(devices);
                }));
    }

    private Uni<TokenPair> issue(SqlClient connection, UUID deviceId) {
        String access = newToken();
        String refresh = newToken();
        long accessSeconds = config.accessTokenLifetime().toSeconds();
        long refreshSeconds = config.refreshTokenLifetime().toSeconds();
        return connection.preparedQuery("INSERT INTO device_token (token_hash, device_id, kind, expires_at) "
                        + "VALUES ($1, $2, $3, now() + make_interval(secs => $4))")
                .executeBatch(List.of(
                        Tuple.of(Buffer.buffer(hash(access)), deviceId, ACCESS, (double) accessSeconds),
                        Tuple.of(Buffer.buffer(hash(refresh)), deviceId, REFRESH, (double) refreshSeconds)))
                .replaceWith(new TokenPair(deviceId, access, accessSeconds, refresh, refreshSeconds));
    }

    private static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "stm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
