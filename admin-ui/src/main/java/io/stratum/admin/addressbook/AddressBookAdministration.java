package io.stratum.admin.addressbook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.admin.Await;
import io.stratum.admin.Fields;
import io.stratum.admin.TableOrder;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.core.addressbook.AddressBook;
import io.stratum.core.addressbook.AddressBookEntry;
import io.stratum.core.addressbook.AddressBookPage;
import io.stratum.core.addressbook.AddressBookSettings;
import io.stratum.core.addressbook.EntryDraft;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;
import io.stratum.core.runtime.RuntimeSettings;

/**
 * The address book as administrators change it: every change is audited with the entry before and
 * after. Administrators always search the whole book, whatever the corporate search setting.
 * Blocking: call from a worker thread.
 */
@ApplicationScoped
public class AddressBookAdministration {
    private final AddressBook book;
    private final RuntimeSettings settings;
    private final AdminAudit audit;

    public AddressBookAdministration(AddressBook book, RuntimeSettings settings, AdminAudit audit) {
        this.book = book;
        this.settings = settings;
        this.audit = audit;
    }

    /** Thrown for an entry id that does not exist (404). */
    public static final class EntryNotFound extends RuntimeException {
        EntryNotFound(String id) {
            super("no address book entry " + id);
        }
    }

    /** The book's default order: by name. */
    public static final TableOrder<AddressBook.SortBy> BY_NAME = new TableOrder<>(AddressBook.SortBy.NAME, false);

    public AddressBookPage search(String query, TableOrder<AddressBook.SortBy> order, int page, int size) {
        return Await.of(book.search(query, true, order.column(), order.descending(), page, size));
    }

    public AddressBookEntry get(String id) {
        return Await.of(book.byId(parse(id))).orElseThrow(() -> new EntryNotFound(id));
    }

    public AddressBookEntry create(AdminPrincipal admin, EntryDraft draft) {
        AddressBookEntry created = Fields.checked(() -> Await.of(book.create(draft)));
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "address_book.create", created.id().toString(), Map.of(),
                describe(created))));
        return created;
    }

    public AddressBookEntry update(AdminPrincipal admin, String id, EntryDraft draft) {
        AddressBookEntry before = get(id);
        AddressBookEntry after = Fields.checked(() -> Await.of(book.update(before.id(), draft))).orElseThrow(() -> new EntryNotFound(id));
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "address_book.update", id, describe(before),
                describe(after))));
        return after;
    }

    public void delete(AdminPrincipal admin, String id) {
        AddressBookEntry before = get(id);
        if (!Await.of(book.delete(before.id()))) {
            throw new EntryNotFound(id);
        }
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "address_book.delete", id, describe(before), Map.of())));
    }

    public AddressBookSettings settings() {
        return Await.of(settings.get(AddressBookSettings.SETTING));
    }

    public void saveSettings(AdminPrincipal admin, boolean corporateSearch) {
        AddressBookSettings before = settings();
        Await.of(settings.set(AddressBookSettings.SETTING, new AddressBookSettings(corporateSearch), admin.username()));
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "settings.address_book", "address_book",
                Map.of("corporateSearch", before.corporateSearch()), Map.of("corporateSearch", corporateSearch))));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EntryNotFound(id);
        }
    }

    private static Map<String, Object> describe(AddressBookEntry entry) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", entry.name());
        state.put("position", entry.position());
        state.put("department", entry.department());
        state.put("company", entry.company());
        state.put("email", Optional.ofNullable(entry.email()).orElse(""));
        state.put("phones", entry.phones());
        state.put("avatarFileId", Optional.ofNullable(entry.avatarFileId()).orElse(""));
        state.put("source", entry.source().code());
        return state;
    }
}
