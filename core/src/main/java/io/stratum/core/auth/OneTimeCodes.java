package io.stratum.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.security.KeySeal;
import io.stratum.core.security.SecurityConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One-time codes for login: six random digits, stored only as an HMAC under a key derived from
 * secret_key_base, valid for {@link AuthConfig#codeLifetime()} and a few attempts. Limits are
 * counted in the database so that every instance of a role enforces the same ones.
 */
@ApplicationScoped
public class OneTimeCodes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool database;
    private final AuthConfig config;
    private final SecretKeySpec key;

    public OneTimeCodes(Pool database, AuthConfig config, SecurityConfig security) {
        this.database = database;
        this.config = config;
        this.key = new SecretKeySpec(KeySeal.derive(security.secretKeyBase(), "one-time codes v1"), "HmacSHA256");
    }

    /**
     * Creates a code for the address after checking the rate limits; returns the code to send.
     * Fails with 429 {@code too_many_codes} (with {@code retry_after} seconds) when a limit is hit.
     */
    public Uni<String> issue(String channel, String address, String ip) {
        return database.preparedQuery("""
                        SELECT
                          (SELECT count(*) FROM one_time_code WHERE channel = $1 AND address = $2 AND created_at > now() - interval '1 hour'),
                          (SELECT COALESCE(EXTRACT(EPOCH FROM max(created_at) - now()), -1e9)::bigint FROM one_time_code
                             WHERE channel = $1 AND address = $2),
                          (SELECT count(*) FROM one_time_code WHERE ip = $3 AND created_at > now() - interval '1 hour')""")
                .execute(Tuple.of(channel, address, ip))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    long sinceLast = -row.getLong(1);
                    long resendAfter = config.resendAfter().toSeconds();
                    if (sinceLast < resendAfter) {
                        throw tooMany("a code was sent moments ago; wait before asking for another", resendAfter - sinceLast);
                    }
                    if (row.getLong(0) >= config.codesPerAddressPerHour()) {
                        throw tooMany("too many codes for this address; try again within the hour", 3600);
                    }
                    if (row.getLong(2) >= config.codesPerIpPerHour()) {
                        throw tooMany("too many codes requested from this network address; try again within the hour", 3600);
                    }
                    String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
                    return database.preparedQuery("""
                                    INSERT INTO one_time_code (channel, address, code_hash, ip, attempts_left, expires_at)
                                    VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))""")
                            .execute(Tuple.from(java.util.List.of(channel, address,
                                    io.vertx.core.buffer.Buffer.buffer(hash(address, code)), ip, config.codeAttempts(),
                                    (double) config.codeLifetime().toSeconds())))
                            .replaceWith(code);
                });
    }

    /**
     * Checks a code against the newest unused code of the address and uses it up on success.
     * Failures: 400 {@code code_missing}, 410 {@code code_expired}, 401 {@code code_invalid} (with
     * {@code attempts_left}), 429 {@code code_attempts_exhausted}.
     */
    public Uni<Void> verify(String channel, String address, String code) {
        // The attempt is counted in the transaction; the error is raised after the commit so it sticks.
        return database.withTransaction(connection -> connection.preparedQuery("""
                        SELECT id, code_hash, attempts_left, expires_at < now() FROM one_time_code
                        WHERE channel = $1 AND address = $2 AND used_at IS NULL
                        ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
                .execute(Tuple.of(channel, address))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Verdict.MISSING);
                    }
                    Row row = rows.iterator().next();
                    long id = row.getLong(0);
                    int attemptsLeft = row.getInteger(2);
                    if (row.getBoolean(3)) {
                        return Uni.createFrom().item(Verdict.EXPIRED);
                    }
                    if (attemptsLeft <= 0) {
                        return Uni.createFrom().item(Verdict.EXHAUSTED);
                    }
                    boolean right = MessageDigest.isEqual(row.getBuffer(1).getBytes(), hash(address, code));
                    int left = right ? attemptsLeft : attemptsLeft - 1;
                    return connection.preparedQuery("UPDATE one_time_code SET attempts_left = $2, "
                                    + "used_at = CASE WHEN $3 THEN now() END WHERE id = $1")
                            .execute(Tuple.of(id, left, right))
                            .replaceWith(right ? Verdict.RIGHT : left == 0 ? Verdict.EXHAUSTED : Verdict.wrong(left));
                }))
                .map(verdict -> {
                    verdict.throwIfNotRight();
                    return null;
                });
    }

    /** The outcome of one attempt, decided inside the transaction. */
    private record Verdict(String code, int attemptsLeft) {
        static final Verdict RIGHT = new Verdict("", 0);
        static final Verdict MISSING = new Verdict("code_missing", 0);
        static final Verdict EXPIRED = new Verdict("code_expired", 0);
        static final Verdict EXHAUSTED = new Verdict("code_attempts_exhausted", 0);

        static Verdict wrong(int attemptsLeft) {
            return new Verdict("code_invalid", attemptsLeft);
        }

        void throwIfNotRight() {
            switch (code) {
                case "" -> {
                }
                case "code_missing" -> throw new ApiException(400, code, "no code was requested for this address; ask for a new one");
                case "code_expired" -> throw new ApiException(410, code, "the code has expired; ask for a new one");
                case "code_attempts_exhausted" -> throw new ApiException(429, code, "too many wrong codes; ask for a new one");
                default -> throw new ApiException(401, code, "the code is not right", Map.of("attempts_left", attemptsLeft));
            }
        }
    }

    private static ApiException tooMany(String message, long retryAfterSeconds) {
        return new ApiException(429, "too_many_codes", message, Map.of("retry_after", Math.max(1, retryAfterSeconds)));
    }

    private byte[] hash(String address, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((address + '\0' + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
