package io.stratum.trusts.search;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.account.ChatUsers;
import io.stratum.core.addressbook.AddressBook;
import io.stratum.core.addressbook.AddressBookEntry;
import io.stratum.core.addressbook.AddressBookSettings;
import io.stratum.core.api.ApiException;
import io.stratum.core.federation.SignalAnswers;
import io.stratum.core.runtime.RuntimeSettings;
import io.stratum.trusts.records.Trust;
import io.stratum.trusts.records.TrustRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Answers a partner's {@code directory.search}: only when this server has an enabled trust with the
 * asking server that allows trust search, and corporate search is on here; otherwise 403
 * {@code trust_search_off}. At most {@link #MAX_RESULTS} entries, with the address of those who are
 * chat users here.
 */
@ApplicationScoped
public class TrustSearchAnswers implements SignalAnswers {
    static final String SEARCH = "directory.search";
    static final int MAX_RESULTS = 20;

    private final TrustRecords trusts;
    private final RuntimeSettings settings;
    private final AddressBook book;
    private final ChatUsers users;

    public TrustSearchAnswers(TrustRecords trusts, RuntimeSettings settings, AddressBook book, ChatUsers users) {
        this.trusts = trusts;
        this.settings = settings;
        this.book = book;
        this.users = users;
    }

    @Override
    public String kind() {
        return SEARCH;
    }

    @Override
    public Uni<JsonObject> answer(String origin, JsonObject payload) {
        String query = payload.getString("q", "");
        try {
            AddressBook.checkQueryLength(query);
        } catch (ApiException tooLong) {
            return Uni.createFrom().failure(tooLong);
        }
        return trusts.find(origin).chain(trust -> {
            if (trust.filter(Trust::enabled).filter(Trust::allowTrustSearch).isEmpty()) {
                return Uni.createFrom().failure(off());
            }
            return settings.get(AddressBookSettings.SETTING).chain(current -> {
                if (!current.corporateSearch()) {
                    return Uni.createFrom().failure(off());
                }
                return book.search(query, true, 0, MAX_RESULTS).map(page -> {
                    JsonArray entries = new JsonArray();
                    page.entries().forEach(entry -> entries.add(json(entry)));
                    return new JsonObject().put("entries", entries).put("total", page.total());
                });
            });
        });
    }

    private JsonObject json(AddressBookEntry entry) {
        return new JsonObject().put("name", entry.name()).put("position", entry.position()).put("department", entry.department())
                .put("company", entry.company()).put("email", entry.email()).put("phones", new JsonArray(entry.phones()))
                .put("address", entry.huid() == null ? null : users.address(entry.huid()));
    }

    static ApiException off() {
        return ApiException.forbidden("trust_search_off", "this server does not let yours search its address book");
    }
}
