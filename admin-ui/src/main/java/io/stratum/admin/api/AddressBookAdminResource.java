package io.stratum.admin.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.InvalidInput;
import io.stratum.admin.TableOrder;
import io.stratum.admin.addressbook.AddressBookAdministration;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.addressbook.AddressBookEntry;
import io.stratum.core.addressbook.AddressBookPage;
import io.stratum.core.addressbook.AddressBookSettings;
import io.stratum.core.addressbook.EntryDraft;

/** The corporate address book: search, create, edit, delete entries; the corporate search switch. */
@Path(AdminPaths.API + "/address-book")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: address book")
public class AddressBookAdminResource {
    private final AddressBookAdministration book;
    private final CurrentAdmin current;

    public AddressBookAdminResource(AddressBookAdministration book, CurrentAdmin current) {
        this.book = book;
        this.current = current;
    }

    /** An entry as an administrator writes it. */
    public record EntryForm(String name, String position, String department, String company, String email, List<String> phones,
            String avatarFileId) {
        EntryDraft toDraft() {
            return new EntryDraft(name, position, department, company, email, phones, avatarFileId);
        }
    }

    @GET
    @AdminAccess(Section.ADDRESS_BOOK)
    @Operation(summary = "Search the address book by any field (always the whole book), paged; by name unless sort is given")
    public AddressBookPage search(@QueryParam("q") @DefaultValue("") String query, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size,
            @Parameter(description = "name (default), position, department, company, email or source; an unknown key gives the default")
            @QueryParam("sort") String sort,
            @Parameter(description = "true: descending (default: ascending)") @QueryParam("desc") Boolean descending) {
        return book.search(query, TableOrder.parse(sort, descending, AddressBookAdministration.BY_NAME), page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.ADDRESS_BOOK, access = Access.WRITE)
    @Operation(summary = "Add an entry (source manual; linked to the chat user with the same e-mail)")
    public Response create(EntryForm form) {
        return Response.status(201).entity(book.create(current.require(), required(form).toDraft())).build();
    }

    @GET
    @Path("/{id}")
    @AdminAccess(Section.ADDRESS_BOOK)
    @Operation(summary = "One entry")
    public AddressBookEntry get(@PathParam("id") String id) {
        return book.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.ADDRESS_BOOK, access = Access.WRITE)
    @Operation(summary = "Change an entry (an entry from the directory is overwritten again by the next sync)")
    public AddressBookEntry update(@PathParam("id") String id, EntryForm form) {
        return book.update(current.require(), id, required(form).toDraft());
    }

    @DELETE
    @Path("/{id}")
    @AdminAccess(value = Section.ADDRESS_BOOK, access = Access.WRITE)
    @Operation(summary = "Delete an entry (an entry from the directory comes back with the next sync)")
    public Response delete(@PathParam("id") String id) {
        book.delete(current.require(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/settings")
    @AdminAccess(Section.ADDRESS_BOOK)
    @Operation(summary = "The corporate search setting")
    public AddressBookSettings settings() {
        return book.settings();
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.ADDRESS_BOOK, access = Access.WRITE)
    @Operation(summary = "Switch corporate search: on, users search the whole book; off, only an exact e-mail finds an entry")
    public void saveSettings(AddressBookSettings changed) {
        book.saveSettings(current.require(), changed != null && changed.corporateSearch());
    }

    private static EntryForm required(EntryForm form) {
        if (form == null) {
            throw InvalidInput.of("name", "send the entry: name, position, department, company, email, phones");
        }
        return form;
    }
}
