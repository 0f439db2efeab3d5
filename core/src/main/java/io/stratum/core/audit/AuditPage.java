package io.stratum.core.audit;

import java.util.List;

/** One page of audit records and how many match the query in all. */
public record AuditPage(List<AuditRecord> records, long total, int page, int size) {
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The page number people read: 1-based. */
    public int number() {
        return page + 1;
    }

    /** The 0-based index of the page before this one. */
    public int previousPage() {
        return page - 1;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
