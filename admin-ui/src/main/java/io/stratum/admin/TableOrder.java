package io.stratum.admin;

import java.util.Locale;

/**
 * The order a table is asked for ({@code sort=last_seen&desc=true}): a column from the table's own
 * enum of sortable columns, and a direction. A key that names no column gives the table's default
 * order rather than an error, so an old or hand-written link still shows the table.
 */
public record TableOrder<C extends Enum<C>>(C column, boolean descending) {

    /**
     * The column named by {@code key} (any case), ascending unless {@code descending} is true; for an
     * empty or unknown key, {@code fallback} (in its own direction unless {@code descending} is given).
     */
    public static <C extends Enum<C>> TableOrder<C> parse(String key, Boolean descending, TableOrder<C> fallback) {
        if (key != null && !key.isBlank()) {
            for (C column : fallback.column().getDeclaringClass().getEnumConstants()) {
                if (column.name().equalsIgnoreCase(key.strip())) {
                    return new TableOrder<>(column, Boolean.TRUE.equals(descending));
                }
            }
        }
        return descending == null ? fallback : new TableOrder<>(fallback.column(), descending);
    }

    /** The column as links name it: {@code last_seen}. */
    public String key() {
        return column.name().toLowerCase(Locale.ROOT);
    }
}
