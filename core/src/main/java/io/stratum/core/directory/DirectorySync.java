package io.stratum.core.directory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.stratum.core.addressbook.AddressBook;
import io.stratum.core.api.ApiException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One synchronisation with the directory: reads every person the filter selects, creates or
 * updates their chat users and address book entries, disables (and ends the sessions of) users the
 * directory disabled or no longer lists, and removes their entries. One instance syncs at a time
 * (a lease row in {@code directory_sync}); the outcome is recorded there for the console.
 * If the directory returns nobody while directory users exist, nothing is disabled and the sync
 * fails: a wrong base DN or filter must not lock the whole company out.
 */
@ApplicationScoped
public class DirectorySync {
    private static final Logger LOGGER = Logger.getLogger(DirectorySync.class);

    private final Pool database;
    private final DirectorySettingsStore settings;
    private final LdapDirectory directory;
    private final DirectoryAccounts accounts;
    private final AddressBook book;
    private final SessionEnd sessions;
    private final DirectoryConfig config;

    public DirectorySync(Pool database, DirectorySettingsStore settings, LdapDirectory directory, DirectoryAccounts accounts,
            AddressBook book, SessionEnd sessions, DirectoryConfig config) {
        this.database = database;
        this.settings = settings;
        this.directory = directory;
        this.accounts = accounts;
        this.book = book;
        this.sessions = sessions;
        this.config = config;
    }

    /** The counts of one run. Touched by one sequential chain only. */
    private static final class Tally {
        int read;
        int created;
        int updated;
        int disabled;
        int removed;
        int skipped;
    }

    /**
     * Runs a sync now and returns its recorded status. Fails with 409 {@code sync_running} when
     * another sync holds the lease, 409 {@code directory_off} when the integration is off, and with
     * {@link DirectoryUnavailable} or {@link DirectoryRefused} (recorded as {@code failed}) when
     * the directory cannot be read.
     */
    public Uni<DirectorySyncStatus> run(String trigger) {
        return lease(trigger).chain(taken -> {
            if (!taken) {
                return Uni.createFrom().failure(new ApiException(409, "sync_running", "a directory sync is running already; wait for it"));
            }
            Tally tally = new Tally();
            return settings.current()
                    .chain(current -> {
                        if (!current.enabled()) {
                            throw new ApiException(409, "directory_off", "the directory integration is off; turn it on in the settings");
                        }
                        return blocking(() -> directory.people(current));
                    })
                    .chain(people -> apply(people, tally))
                    .onItemOrFailure().transformToUni((done, failure) -> finish(tally, failure)
                            .chain(status -> failure == null ? Uni.createFrom().item(status) : Uni.createFrom().failure(failure)));
        });
    }

    /** The last recorded run. */
    public Uni<DirectorySyncStatus> status() {
        return database.query("SELECT running_since IS NOT NULL, started_at, finished_at, result, trigger, read_count, created_count, "
                        + "updated_count, disabled_count, removed_count, skipped_count, error FROM directory_sync WHERE id = 1")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new DirectorySyncStatus(row.getBoolean(0), row.getOffsetDateTime(1), row.getOffsetDateTime(2), row.getString(3),
                            row.getString(4), row.getInteger(5), row.getInteger(6), row.getInteger(7), row.getInteger(8),
                            row.getInteger(9), row.getInteger(10), row.getString(11));
                });
    }

    /** Whether a scheduled sync is due: on, with an interval, and the last one started longer ago than that. */
    Uni<Boolean> due() {
        return settings.current().chain(current -> !current.enabled() || current.syncIntervalMinutes() == 0
                ? Uni.createFrom().item(false)
                : database.preparedQuery("SELECT running_since IS NULL AND (started_at IS NULL "
                                + "OR started_at < now() - make_interval(mins => $1)) FROM directory_sync WHERE id = 1")
                        .execute(Tuple.of(current.syncIntervalMinutes())).map(rows -> rows.iterator().next().getBoolean(0)));
    }

    private Uni<Void> apply(List<DirectoryPerson> people, Tally tally) {
        Set<String> present = new LinkedHashSet<>();
        people.forEach(person -> present.add(person.id()));
        tally.read = present.size();
        Uni<Void> guard = present.isEmpty() ? accounts.count().map(existing -> {
            if (existing > 0) {
                throw new DirectoryRefused("the directory returned no people for the filter under the base DN; nobody was disabled "
                        + "(check the base DN and the user filter)");
            }
            return null;
        }) : Uni.createFrom().voidItem();
        return guard
                .chain(() -> Multi.createFrom().iterable(people).onItem().transformToUniAndConcatenate(person -> one(person, tally))
                        .collect().last())
                .chain(() -> accounts.disableAllBut(present))
                .chain(gone -> Multi.createFrom().iterable(gone).onItem().transformToUniAndConcatenate(sessions::endAll).collect().asList()
                        .invoke(ended -> tally.disabled += gone.size()))
                .chain(() -> book.keepOnlyFromDirectory(present))
                .invoke(removed -> tally.removed += removed)
                .replaceWithVoid();
    }

    private Uni<Void> one(DirectoryPerson person, Tally tally) {
        return accounts.put(person)
                .call(outcome -> person.disabled() ? book.removeFromDirectory(List.of(person.id())).invoke(n -> tally.removed += n)
                        : book.putFromDirectory(person.id(), person.entry(), outcome.huid()))
                .call(outcome -> outcome.justDisabled() ? sessions.endAll(outcome.huid()) : Uni.createFrom().voidItem())
                .invoke(outcome -> {
                    if (outcome.created()) {
                        tally.created++;
                    } else if (outcome.changed()) {
                        tally.updated++;
                    }
                    if (outcome.justDisabled()) {
                        tally.disabled++;
                    }
                })
                .replaceWithVoid()
                .onFailure(ApiException.class).recoverWithItem(failure -> {
                    tally.skipped++;
                    LOGGER.warnv("Directory person skipped: dn={0} reason={1}", person.dn(), failure.getMessage());
                    return null;
                });
    }

    private Uni<Boolean> lease(String trigger) {
        return database.preparedQuery("""
                        UPDATE directory_sync SET running_since = now(), started_at = now(), trigger = $1
                        WHERE id = 1 AND (running_since IS NULL OR running_since < now() - make_interval(secs => $2))""")
                .execute(Tuple.of(trigger, (double) config.syncTimeout().toSeconds()))
                .map(rows -> rows.rowCount() == 1);
    }

    private Uni<DirectorySyncStatus> finish(Tally tally, Throwable failure) {
        String error = failure == null ? null : failure.getMessage();
        if (failure != null) {
            LOGGER.warnv("Directory sync failed: {0}", error);
        } else {
            LOGGER.infov("Directory sync done: read={0} created={1} updated={2} disabled={3} removed={4} skipped={5}",
                    tally.read, tally.created, tally.updated, tally.disabled, tally.removed, tally.skipped);
        }
        return database.preparedQuery("""
                        UPDATE directory_sync SET running_since = NULL, finished_at = now(), result = $1, read_count = $2,
                            created_count = $3, updated_count = $4, disabled_count = $5, removed_count = $6, skipped_count = $7,
                            error = $8 WHERE id = 1""")
                .execute(Tuple.from(java.util.Arrays.asList(failure == null ? "ok" : "failed", tally.read, tally.created, tally.updated,
                        tally.disabled, tally.removed, tally.skipped, error)))
                .chain(this::status);
    }

    static <T> Uni<T> blocking(Supplier<T> call) {
        return Uni.createFrom().item(call).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The API error for a directory failure: 503 {@code directory_unavailable} or 502 {@code directory_refused}. */
    public static ApiException asApiError(Throwable failure) {
        if (failure instanceof DirectoryUnavailable) {
            return new ApiException(503, "directory_unavailable", failure.getMessage() + "; try again later");
        }
        if (failure instanceof DirectoryRefused) {
            return new ApiException(502, "directory_refused", failure.getMessage());
        }
        return failure instanceof ApiException api ? api : new ApiException(500, "internal", "the directory sync failed", Map.of());
    }
}
