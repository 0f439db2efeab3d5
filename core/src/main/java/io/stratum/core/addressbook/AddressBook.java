package io.stratum.core.addressbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The address book in PostgreSQL. Search matches every word of the query, case-insensitively, as
 * a substring of any field (a {@code LIKE ALL} over one lower-cased column that a trigram index
 * serves when pg_trgm is installed). Non-blocking: every method returns a {@link Uni}.
 */
@ApplicationScoped
public class AddressBook {
    static final int MAX_PAGE_SIZE = 200;
    /** The longest search text, here and in a partner's book (trust search). */
    public static final int MAX_QUERY = 200;

    /** 400 {@code query_too_long} when the search text is longer than {@link #MAX_QUERY}. */
    public static void checkQueryLength(String query) {
        if (query.length() > MAX_QUERY) {
            throw ApiException.badRequest("query_too_long", "the search text may have at most " + MAX_QUERY + " characters");
        }
    }
    private static final int MAX_WORDS = 8;
    private static final String COLUMNS =
            "id, name, position, department, company, email, phones, avatar_file_id, source, directory_id, huid, updated_at";

    private final Pool database;

    public AddressBook(Pool database) {
        this.database = database;
    }

    /**
     * Columns the book may be sorted by. Each names its SQL expression, so that an order is only ever
     * one of these, never text from a request.
     */
    public enum SortBy {
        NAME("lower(name)"), POSITION("lower(position)"), DEPARTMENT("lower(department)"), COMPANY("lower(company)"),
        EMAIL("lower(email)"), SOURCE("source");

        private final String column;

        SortBy(String column) {
            this.column = column;
        }
    }

    /**
     * One page of the entries matching {@code query}, ordered by name. With {@code corporateSearch}
     * every word must occur in some field (an empty query lists everything); without it, only an
     * entry whose e-mail equals the whole query is found.
     */
    public Uni<AddressBookPage> search(String query, boolean corporateSearch, int page, int size) {
        return search(query, corporateSearch, SortBy.NAME, false, page, size);
    }

    /** As {@link #search(String, boolean, int, int)}, in the given order (empty values last, then by name and id). */
    public Uni<AddressBookPage> search(String query, boolean corporateSearch, SortBy sort, boolean descending, int page, int size) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int offset = Math.max(0, page) * limit;
        String where;
        Object argument;
        if (corporateSearch) {
            where = "search_text LIKE ALL ($1)";
            argument = patterns(q);
        } else {
            where = "lower(email) = $1 AND $1 <> ''";
            argument = q;
        }
        String order = " ORDER BY " + sort.column + (descending ? " DESC" : " ASC") + " NULLS LAST, lower(name), id";
        return database.preparedQuery("SELECT " + COLUMNS + ", count(*) OVER () FROM address_book_entry WHERE " + where
                        + order + " LIMIT $2 OFFSET $3")
                .execute(Tuple.of(argument, limit, offset))
                .map(rows -> {
                    List<AddressBookEntry> entries = new ArrayList<>();
                    long total = 0;
                    for (Row row : rows) {
                        entries.add(entry(row));
                        total = row.getLong(12);
                    }
                    return new AddressBookPage(entries, Math.max(0, page), limit, total);
                });
    }

    public Uni<Optional<AddressBookEntry>> byId(UUID id) {
        return database.preparedQuery("SELECT " + COLUMNS + " FROM address_book_entry WHERE id = $1").execute(Tuple.of(id))
                .map(AddressBook::first);
    }

    /** Adds an administrator's entry, linked to the chat user with the same e-mail if there is one. */
    public Uni<AddressBookEntry> create(EntryDraft draft) {
        EntryDraft valid = draft.validated();
        return database.preparedQuery("INSERT INTO address_book_entry (id, name, position, department, company, email, phones, "
                        + "avatar_file_id, source, search_text, huid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'manual', $9, "
                        + "(SELECT huid FROM chat_user WHERE email = $6)) RETURNING " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(UUID.randomUUID(), valid.name(), valid.position(), valid.department(), valid.company(),
                        valid.email(), valid.phones().toArray(String[]::new), valid.avatarFileId(),
                        valid.searchText())))
                .map(rows -> entry(rows.iterator().next()));
    }

    /** Replaces the fields of an entry; empty when there is no such entry. A directory entry is overwritten again by the next sync. */
    public Uni<Optional<AddressBookEntry>> update(UUID id, EntryDraft draft) {
        EntryDraft valid = draft.validated();
        return database.preparedQuery("UPDATE address_book_entry SET name = $2, position = $3, department = $4, company = $5, "
                        + "email = $6, phones = $7, avatar_file_id = $8, search_text = $9, updated_at = now(), "
                        + "huid = COALESCE(huid, (SELECT huid FROM chat_user WHERE email = $6)) WHERE id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, valid.name(), valid.position(), valid.department(), valid.company(),
                        valid.email(), valid.phones().toArray(String[]::new), valid.avatarFileId(),
                        valid.searchText())))
                .map(AddressBook::first);
    }

    /** Deletes an entry; false when there was none. */
    public Uni<Boolean> delete(UUID id) {
        return database.preparedQuery("DELETE FROM address_book_entry WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Creates or overwrites the entry of a directory person (keeping an administrator's avatar). */
    public Uni<Void> putFromDirectory(String directoryId, EntryDraft draft, UUID huid) {
        EntryDraft valid = draft.validated();
        return database.preparedQuery("""
                        INSERT INTO address_book_entry (id, name, position, department, company, email, phones, source, directory_id,
                            huid, search_text) VALUES ($1, $2, $3, $4, $5, $6, $7, 'directory', $8, $9, $10)
                        ON CONFLICT (directory_id) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position,
                            department = EXCLUDED.department, company = EXCLUDED.company, email = EXCLUDED.email,
                            phones = EXCLUDED.phones, huid = EXCLUDED.huid, search_text = EXCLUDED.search_text, updated_at = now()
                        WHERE (address_book_entry.name, address_book_entry.position, address_book_entry.department,
                               address_book_entry.company, address_book_entry.email, address_book_entry.phones, address_book_entry.huid)
                            IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.position, EXCLUDED.department, EXCLUDED.company,
                               EXCLUDED.email, EXCLUDED.phones, EXCLUDED.huid)""")
                .execute(Tuple.from(Arrays.asList(UUID.randomUUID(), valid.name(), valid.position(), valid.department(),
                        valid.company(), valid.email(), valid.phones().toArray(String[]::new), directoryId, huid, valid.searchText())))
                .replaceWithVoid();
    }

    /** Removes the entries of these directory persons (disabled in the directory); returns how many went. */
    public Uni<Integer> removeFromDirectory(Collection<String> directoryIds) {
        return database.preparedQuery("DELETE FROM address_book_entry WHERE source = 'directory' AND directory_id = ANY($1)")
                .execute(Tuple.of(directoryIds.toArray(String[]::new))).map(RowSet::rowCount);
    }

    /** Removes the directory entries of persons the directory no longer lists; returns how many went. */
    public Uni<Integer> keepOnlyFromDirectory(Collection<String> directoryIds) {
        return database.preparedQuery("DELETE FROM address_book_entry WHERE source = 'directory' AND NOT (directory_id = ANY($1))")
                .execute(Tuple.of(directoryIds.toArray(String[]::new))).map(RowSet::rowCount);
    }

    /** {@code LIKE} patterns, one per word, with the pattern characters escaped. */
    static String[] patterns(String query) {
        return Arrays.stream(query.split("\\s+")).filter(word -> !word.isEmpty()).limit(MAX_WORDS)
                .map(word -> "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
    }

    private static Optional<AddressBookEntry> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(entry(rows.iterator().next())) : Optional.empty();
    }

    private static AddressBookEntry entry(Row row) {
        String[] phones = row.getArrayOfStrings(6);
        return new AddressBookEntry(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), phones == null ? List.of() : List.of(phones), row.getString(7),
                EntrySource.fromCode(row.getString(8)), row.getString(9), row.getUUID(10), row.getOffsetDateTime(11));
    }
}
