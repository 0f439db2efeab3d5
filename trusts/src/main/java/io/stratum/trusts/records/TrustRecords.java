package io.stratum.trusts.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.security.KeySeal;
import io.stratum.core.security.SecurityConfig;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The trust records of this server, in PostgreSQL. Contract: tokens go in and are never given back to
 * administrators — the token for accepting is kept as a SHA-256 and checked with
 * {@link #acceptsToken} in constant time; the token for connecting is sealed and only
 * {@link #connectToken} (for the link) opens it. Unknown ids answer 404 {@code trust_not_found}; a
 * second trust with the same remote id answers 409 {@code trust_exists}. Non-blocking.
 */
@ApplicationScoped
public class TrustRecords {
    private static final String COLUMNS = "remote_id, name, kind, endpoint, client_host, enabled, allow_trust_search, allow_email, "
            + "upstream, notes, created_at, updated_at, updated_by";

    private final Pool database;
    private final KeySeal seal;
    private final String ownId;

    public TrustRecords(Pool database, SecurityConfig security, ServerConfig server) {
        this.database = database;
        this.seal = new KeySeal(security.secretKeyBase(), "trust connect token v1");
        this.ownId = server.id();
    }

    public Uni<List<Trust>> list() {
        return database.query("SELECT " + COLUMNS + " FROM trust ORDER BY upstream DESC, kind, name").execute().map(rows -> {
            List<Trust> trusts = new ArrayList<>();
            rows.forEach(row -> trusts.add(trust(row)));
            return trusts;
        });
    }

    /**
     * Columns a trust list may be sorted by. Each names its SQL expression, so that an order is only
     * ever one of these, never text from a request.
     */
    public enum SortBy {
        NAME("lower(name)"), REMOTE_ID("remote_id"), KIND("kind"), ENDPOINT("lower(endpoint)");

        private final String column;

        SortBy(String column) {
            this.column = column;
        }
    }

    /**
     * The trusts whose remote id, name, endpoint or client host contains {@code filter} (any case) and,
     * unless {@code kind} is null, of that kind; in the given order, then by name and remote id.
     */
    public Uni<List<Trust>> list(String filter, TrustKind kind, SortBy sort, boolean descending) {
        String pattern = "%" + (filter == null ? "" : filter.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return database.preparedQuery("SELECT " + COLUMNS + " FROM trust WHERE (lower(remote_id) LIKE $1 OR lower(name) LIKE $1 "
                        + "OR lower(coalesce(endpoint, '')) LIKE $1 OR lower(coalesce(client_host, '')) LIKE $1) AND ($2::text IS NULL OR kind = $2) "
                        + "ORDER BY " + sort.column + (descending ? " DESC" : " ASC") + " NULLS LAST, lower(name), remote_id")
                .execute(Tuple.of(pattern, kind == null ? null : kind.name())).map(rows -> {
                    List<Trust> trusts = new ArrayList<>();
                    rows.forEach(row -> trusts.add(trust(row)));
                    return trusts;
                });
    }

    public Uni<Optional<Trust>> find(String remoteId) {
        return database.preparedQuery("SELECT " + COLUMNS + " FROM trust WHERE remote_id = $1").execute(Tuple.of(remoteId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(trust(rows.iterator().next())) : Optional.empty());
    }

    public Uni<Trust> get(String remoteId) {
        return find(remoteId).map(found -> found.orElseThrow(() -> notFound(remoteId)));
    }

    /** Creates a trust from a draft (both tokens required). */
    public Uni<Trust> create(TrustDraft draft, String actor) {
        TrustDraft valid = draft.validated(true, ownId);
        return database.preparedQuery("INSERT INTO trust (remote_id, name, kind, endpoint, client_host, accept_token_sha256, "
                        + "connect_token_sealed, enabled, allow_trust_search, allow_email, notes, updated_by) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (remote_id) DO NOTHING RETURNING remote_id")
                .execute(Tuple.tuple(List.<Object>of(valid.remoteId(), valid.name(), valid.kind(), valid.endpoint(), valid.clientHost(),
                        Buffer.buffer(sha256(valid.tokenForAccept())), Buffer.buffer(sealed(valid.remoteId(), valid.tokenForConnect())),
                        valid.enabled(), valid.allowTrustSearch(), valid.allowEmail(), new JsonObject(new LinkedHashMap<>(valid.notes())), actor)))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().failure(new ApiException(409, "trust_exists",
                                "a trust with server " + valid.remoteId() + " exists already; edit it instead"));
                    }
                    return get(valid.remoteId());
                });
    }

    /**
     * Changes a trust; empty tokens keep the stored ones. The id in the draft must be the trust's.
     * The upstream trust's endpoint and tokens come from settings.yaml and cannot be changed here.
     */
    public Uni<Trust> update(String remoteId, TrustDraft draft, String actor) {
        TrustDraft valid = draft.validated(false, ownId);
        if (!valid.remoteId().equals(remoteId)) {
            throw new TrustInvalid(Map.of("remoteId", "the remote id of a trust cannot change; delete it and create a new one"));
        }
        return get(remoteId).chain(existing -> {
            if (existing.upstream() && (!existing.endpoint().equals(valid.endpoint()) || !valid.tokenForAccept().isEmpty()
                    || !valid.tokenForConnect().isEmpty())) {
                throw new TrustInvalid(Map.of("endpoint", "the upstream trust's address and tokens are rts_host and rts_token in settings.yaml"));
            }
            // A new endpoint is a new peer as far as the pin is concerned.
            return database.preparedQuery("UPDATE trust SET name = $2, kind = $3, endpoint = $4, client_host = $5, "
                            + "pinned_certificate_sha256 = CASE WHEN endpoint = $4 THEN pinned_certificate_sha256 END, "
                            + "accept_token_sha256 = coalesce($6, accept_token_sha256), connect_token_sealed = coalesce($7, connect_token_sealed), "
                            + "enabled = $8, allow_trust_search = $9, allow_email = $10, notes = $11, updated_at = now(), updated_by = $12 "
                            + "WHERE remote_id = $1")
                    .execute(Tuple.tuple(java.util.Arrays.<Object>asList(remoteId, valid.name(), valid.kind(), valid.endpoint(), valid.clientHost(),
                            valid.tokenForAccept().isEmpty() ? null : Buffer.buffer(sha256(valid.tokenForAccept())),
                            valid.tokenForConnect().isEmpty() ? null : Buffer.buffer(sealed(remoteId, valid.tokenForConnect())),
                            valid.enabled(), valid.allowTrustSearch(), valid.allowEmail(), new JsonObject(new LinkedHashMap<>(valid.notes())),
                            actor)))
                    .chain(() -> get(remoteId));
        });
    }

    /** Enables (unblocks) or disables (blocks) a trust. */
    public Uni<Trust> setEnabled(String remoteId, boolean enabled, String actor) {
        return database.preparedQuery("UPDATE trust SET enabled = $2, updated_at = now(), updated_by = $3 WHERE remote_id = $1 RETURNING remote_id")
                .execute(Tuple.of(remoteId, enabled, actor))
                .chain(rows -> rows.iterator().hasNext() ? get(remoteId) : Uni.createFrom().failure(notFound(remoteId)));
    }

    /** Deletes a trust; the upstream trust can only be removed from settings.yaml. */
    public Uni<Trust> delete(String remoteId) {
        return get(remoteId).chain(existing -> {
            if (existing.upstream()) {
                throw new ApiException(409, "trust_upstream", "the upstream trust comes from settings.yaml (rts_host, rts_id, rts_token); "
                        + "remove it there");
            }
            return database.preparedQuery("DELETE FROM trust WHERE remote_id = $1").execute(Tuple.of(remoteId)).replaceWith(existing);
        });
    }

    /** Creates or refreshes the upstream trust from settings.yaml; the console's edits of name and notes stay. */
    public Uni<Void> ensureUpstream(String remoteId, String host, String tokenForAccept, String tokenForConnect) {
        TrustDraft valid = new TrustDraft(remoteId, remoteId, TrustKind.RTS.name(), host, "", tokenForAccept, tokenForConnect, true,
                false, false, Map.of()).validated(true, ownId);
        return database.preparedQuery("INSERT INTO trust (remote_id, name, kind, endpoint, accept_token_sha256, connect_token_sealed, "
                        + "upstream, updated_by) VALUES ($1, $2, $3, $4, $5, $6, true, 'settings.yaml') "
                        + "ON CONFLICT (remote_id) DO UPDATE SET endpoint = excluded.endpoint, accept_token_sha256 = excluded.accept_token_sha256, "
                        + "connect_token_sealed = excluded.connect_token_sealed, upstream = true, "
                        + "pinned_certificate_sha256 = CASE WHEN trust.endpoint = excluded.endpoint THEN trust.pinned_certificate_sha256 END")
                .execute(Tuple.tuple(List.<Object>of(valid.remoteId(), valid.name(), valid.kind(), valid.endpoint(),
                        Buffer.buffer(sha256(valid.tokenForAccept())), Buffer.buffer(sealed(valid.remoteId(), valid.tokenForConnect())))))
                .replaceWithVoid();
    }

    /** Whether {@code presented} is the token this server accepts from {@code remoteId}; false for unknown or disabled trusts. */
    public Uni<Boolean> acceptsToken(String remoteId, String presented) {
        return database.preparedQuery("SELECT accept_token_sha256 FROM trust WHERE remote_id = $1 AND enabled")
                .execute(Tuple.of(remoteId))
                .map(rows -> rows.iterator().hasNext()
                        && MessageDigest.isEqual(rows.iterator().next().getBuffer(0).getBytes(), sha256(presented == null ? "" : presented)));
    }

    /** The token this server presents when it connects to {@code remoteId}. */
    public Uni<String> connectToken(String remoteId) {
        return database.preparedQuery("SELECT connect_token_sealed FROM trust WHERE remote_id = $1").execute(Tuple.of(remoteId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw notFound(remoteId);
                    }
                    return new String(seal.unseal(rows.iterator().next().getBuffer(0).getBytes(), remoteId), StandardCharsets.UTF_8);
                });
    }

    /** The SHA-256 of the remote's link certificate pinned at the first successful dial, if any. */
    public Uni<Optional<byte[]>> pinnedCertificate(String remoteId) {
        return database.preparedQuery("SELECT pinned_certificate_sha256 FROM trust WHERE remote_id = $1").execute(Tuple.of(remoteId))
                .map(rows -> {
                    if (!rows.iterator().hasNext() || rows.iterator().next().getBuffer(0) == null) {
                        return Optional.empty();
                    }
                    return Optional.of(rows.iterator().next().getBuffer(0).getBytes());
                });
    }

    /** Pins the remote's link certificate (trust on first use). */
    public Uni<Void> pin(String remoteId, byte[] certificateSha256) {
        return database.preparedQuery("UPDATE trust SET pinned_certificate_sha256 = $2 WHERE remote_id = $1 AND pinned_certificate_sha256 IS NULL")
                .execute(Tuple.of(remoteId, Buffer.buffer(certificateSha256))).replaceWithVoid();
    }

    private byte[] sealed(String remoteId, String token) {
        return seal.seal(token.getBytes(StandardCharsets.UTF_8), remoteId);
    }

    private static Trust trust(Row row) {
        Map<String, String> notes = new LinkedHashMap<>();
        JsonObject stored = row.getJsonObject("notes");
        if (stored != null) {
            stored.forEach(entry -> notes.put(entry.getKey(), String.valueOf(entry.getValue())));
        }
        return new Trust(row.getString("remote_id"), row.getString("name"), TrustKind.valueOf(row.getString("kind")),
                row.getString("endpoint"), row.getString("client_host"), row.getBoolean("enabled"), row.getBoolean("allow_trust_search"),
                row.getBoolean("allow_email"), row.getBoolean("upstream"), notes, row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant(), row.getString("updated_by"));
    }

    private static ApiException notFound(String remoteId) {
        return ApiException.notFound("trust_not_found", "no trust with server " + remoteId);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
