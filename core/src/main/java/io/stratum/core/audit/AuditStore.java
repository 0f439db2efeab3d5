package io.stratum.core.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code audit_log} table. Appends take a transaction-scoped advisory lock so that every
 * instance of the server sharing the database extends one chain, one record at a time.
 */
@ApplicationScoped
public class AuditStore {
    /** Advisory lock key reserved for the audit chain ("audit" in ASCII). */
    private static final long CHAIN_LOCK = 0x6175646974L;
    private static final int VERIFY_BATCH = 1000;
    private static final String COLUMNS = "seq, at, category, action, actor, device, ip, target, result, details, prev_hash, hash";

    private final Pool database;

    public AuditStore(Pool database) {
        this.database = database;
    }

    /** Chains and inserts a record (its seq and hashes are assigned here); completes once committed. */
    public Uni<AuditRecord> append(AuditRecord unchained) {
        return database.withTransaction(connection -> connection.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(Tuple.of(CHAIN_LOCK))
                .chain(() -> connection.query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").execute())
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return AuditChain.link(1, AuditChain.GENESIS, unchained);
                    }
                    Row last = rows.iterator().next();
                    return AuditChain.link(last.getLong("seq") + 1, last.getString("hash"), unchained);
                })
                .call(record -> connection.preparedQuery("INSERT INTO audit_log (" + COLUMNS
                                + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                        .execute(Tuple.from(List.of(record.seq(), OffsetDateTime.ofInstant(record.at(), ZoneOffset.UTC),
                                record.category().name(), record.action(), record.actor(), record.device(), record.ip(),
                                record.target(), record.result().name(), record.details(), record.prevHash(), record.hash())))));
    }

    /** One page of records matching the query. */
    public Uni<AuditPage> find(AuditQuery query) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        query.category().ifPresent(c -> {
            parameters.add(c.name());
            where.append(" AND category = $").append(parameters.size());
        });
        query.text().ifPresent(t -> {
            parameters.add("%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            int n = parameters.size();
            where.append(" AND (actor ILIKE $").append(n).append(" OR action ILIKE $").append(n)
                    .append(" OR target ILIKE $").append(n).append(" OR ip ILIKE $").append(n).append(')');
        });
        query.from().ifPresent(f -> {
            parameters.add(OffsetDateTime.ofInstant(f, ZoneOffset.UTC));
            where.append(" AND at >= $").append(parameters.size());
        });
        query.until().ifPresent(u -> {
            parameters.add(OffsetDateTime.ofInstant(u, ZoneOffset.UTC));
            where.append(" AND at < $").append(parameters.size());
        });
        Tuple filter = Tuple.from(parameters);
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(query.size());
        paged.add((long) query.page() * query.size());
        String select = "SELECT " + COLUMNS + " FROM audit_log" + where + " ORDER BY seq " + (query.oldestFirst() ? "ASC" : "DESC")
                + " LIMIT $" + (parameters.size() + 1) + " OFFSET $" + (parameters.size() + 2);
        return database.preparedQuery("SELECT count(*) FROM audit_log" + where).execute(filter)
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(total -> database.preparedQuery(select).execute(Tuple.from(paged))
                        .map(rows -> new AuditPage(records(rows), total, query.page(), query.size())));
    }

    /** Walks the whole chain in order and reports the first broken record. */
    public Uni<ChainVerification> verify() {
        return verifyFrom(null, 0);
    }

    private Uni<ChainVerification> verifyFrom(AuditRecord previous, long checked) {
        long after = previous == null ? 0 : previous.seq();
        return database.preparedQuery("SELECT " + COLUMNS + " FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2")
                .execute(Tuple.of(after, VERIFY_BATCH))
                .chain(rows -> {
                    AuditRecord last = previous;
                    long count = checked;
                    for (AuditRecord record : records(rows)) {
                        count++;
                        String problem = AuditChain.problem(last, record);
                        if (problem != null) {
                            return Uni.createFrom().item(ChainVerification.broken(count, record.seq(), problem));
                        }
                        last = record;
                    }
                    if (rows.size() < VERIFY_BATCH) {
                        return Uni.createFrom().item(ChainVerification.ok(count));
                    }
                    return verifyFrom(last, count);
                });
    }

    private static List<AuditRecord> records(RowSet<Row> rows) {
        List<AuditRecord> records = new ArrayList<>();
        for (Row row : rows) {
            records.add(new AuditRecord(row.getLong("seq"), row.getOffsetDateTime("at").toInstant(),
                    AuditRecord.Category.valueOf(row.getString("category")), row.getString("action"), row.getString("actor"),
                    row.getString("device"), row.getString("ip"), row.getString("target"),
                    AuditResult.valueOf(row.getString("result")), row.getString("details"), row.getString("prev_hash"),
                    row.getString("hash")));
        }
        return records;
    }
}
