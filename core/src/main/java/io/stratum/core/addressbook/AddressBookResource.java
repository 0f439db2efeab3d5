package io.stratum.core.addressbook;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stratum.core.account.ChatUsers;
import io.stratum.core.api.ApiException;
import io.stratum.core.auth.CallerIdentity;
import io.stratum.core.runtime.RuntimeSettings;

/** Address book search for chat users. */
@Path("/api/v1/address-book")
@Tag(name = "Address book")
public class AddressBookResource {

    private final AddressBook book;
    private final RuntimeSettings settings;
    private final ChatUsers users;
    private final SecurityIdentity identity;

    public AddressBookResource(AddressBook book, RuntimeSettings settings, ChatUsers users, SecurityIdentity identity) {
        this.book = book;
        this.settings = settings;
        this.users = users;
        this.identity = identity;
    }

    /** An entry as clients see it; {@code address} ({@code HUID@server}) when the person is a chat user here. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Contact(String id, String name, String position, String department, String company, String email,
            List<String> phones, String avatarFileId, String source, String huid, String address) {
    }

    /** A page of contacts; {@code corporate_search} says whether the whole book was searched or only exact e-mails. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Contacts(List<Contact> entries, int page, int size, long total, boolean corporateSearch) {
    }

    @GET
    @Operation(summary = "Search the corporate address book by any field (name, position, department, company, e-mail, phone); "
            + "with corporate search off only an exact e-mail address finds its entry")
    public Uni<Contacts> search(@QueryParam("q") @DefaultValue("") String query, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        CallerIdentity.require(identity);
        AddressBook.checkQueryLength(query);
        if (page < 0 || size < 1 || size > AddressBook.MAX_PAGE_SIZE) {
            throw ApiException.badRequest("invalid_page", "page starts at 0 and size is 1 to " + AddressBook.MAX_PAGE_SIZE);
        }
        return settings.get(AddressBookSettings.SETTING).chain(current -> book.search(query, current.corporateSearch(), page, size)
                .map(found -> new Contacts(found.entries().stream().map(this::contact).toList(), found.page(), found.size(),
                        found.total(), current.corporateSearch())));
    }

    private Contact contact(AddressBookEntry entry) {
        return new Contact(entry.id().toString(), entry.name(), entry.position(), entry.department(), entry.company(), entry.email(),
                entry.phones(), entry.avatarFileId(), entry.source().code(), entry.huid() == null ? null : entry.huid().toString(),
                entry.huid() == null ? null : users.address(entry.huid()));
    }
}
