package io.stratum.core.audit;

import java.util.List;

/** One page of audit records and how many match the query in all. */
public record AuditPage(List<AuditRecord> records, long total, int page, int size) {
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
