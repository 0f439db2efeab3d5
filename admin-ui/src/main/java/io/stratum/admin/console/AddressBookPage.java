package io.stratum.admin.console;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.stratum.admin.InvalidInput;
import io.stratum.admin.TableOrder;
import io.stratum.admin.addressbook.AddressBookAdministration;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.addressbook.AddressBook;
import io.stratum.core.addressbook.EntryDraft;
import io.vertx.core.http.HttpServerRequest;

/** The Address book section: search the book, add and delete entries, the corporate search switch. */
@Path(AdminPaths.INTERNAL + "/address_book")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class AddressBookPage {
    private static final int PAGE_SIZE = 50;

    private final Template template;
    private final ConsoleView view;
    private final AddressBookAdministration book;
    private final CurrentAdmin current;

    public AddressBookPage(@Location("console/address_book.html") Template template, ConsoleView view, AddressBookAdministration book,
            CurrentAdmin current) {
        this.template = template;
        this.view = view;
        this.book = book;
        this.current = current;
    }

    @GET
    @AdminAccess(Section.ADDRESS_BOOK)
    @Operation(summary = "Console: the address book, searched")
    public Response show(@QueryParam("q") @DefaultValue("") String query, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("sort") String sort, @QueryParam("desc") Boolean descending, @Context HttpServerRequest request) {
        return page(request, query, TableOrder.parse(sort, descending, AddressBookAdministration.BY_NAME), Math.max(0, page)).pushTable().ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.ADDRESS_BOOK, access = Access.WRITE)
    @Operation(summary = "Console: add an address book entry")
    public Response create(@FormParam("name") String name, @FormParam("position") String position,
            @FormParam("department") String department, @FormParam("company") String company, @FormParam("email") String email,
            @FormParam("phones") String phones, @Context HttpServerRequest request) {
        Map<String, String> form = Map.of("name", text(name), "position", text(position), "department", text(department),
                "company", text(company), "email", text(email), "phones", text(phones));
        try {
            book.create(current.require(), new EntryDraft(name, position, department, company, email,
                    Arrays.asList(text(phones).split("[,;\\n]")), null));
            ConsoleView.Page page = page(request, text(name), AddressBookAdministration.BY_NAME, 0);
            return page.notice(page.messages().settings_saved()).ok();
        } catch (InvalidInput e) {
            return page(request, "", AddressBookAdministration.BY_NAME, 0).invalid(e.errors(), form).status(400);
        }
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.ADDRESS_BOOK, access = Access.WRITE)
    @Operation(summary = "Console: delete an address book entry")
    public Response delete(@PathParam("id") String id, @Context HttpServerRequest request) {
        try {
            book.delete(current.require(), id);
        } catch (AddressBookAdministration.EntryNotFound e) {
            return page(request, "", AddressBookAdministration.BY_NAME, 0).error(e.getMessage()).status(404);
        }
        ConsoleView.Page page = page(request, "", AddressBookAdministration.BY_NAME, 0);
        return page.notice(page.messages().address_book_deleted()).ok();
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.ADDRESS_BOOK, access = Access.WRITE)
    @Operation(summary = "Console: switch corporate search")
    public Response settings(@FormParam("corporateSearch") String corporateSearch, @Context HttpServerRequest request) {
        book.saveSettings(current.require(), "true".equals(corporateSearch));
        ConsoleView.Page page = page(request, "", AddressBookAdministration.BY_NAME, 0);
        return page.notice(page.messages().settings_saved()).ok();
    }

    private ConsoleView.Page page(HttpServerRequest request, String query, TableOrder<AddressBook.SortBy> order, int page) {
        var found = book.search(query, order, page, PAGE_SIZE);
        List<Integer> pages = java.util.stream.IntStream.range(0, (int) Math.min(20, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE))
                .boxed().toList();
        return view.page(template, request, "address_book")
                .with("entries", found.entries()).with("total", found.total()).with("q", query).with("current", page).with("pages", pages)
                .table("/address_book", Map.of("q", query), order, AddressBookAdministration.BY_NAME)
                .with("corporateSearch", book.settings().corporateSearch())
                .with("canWrite", current.require().rights().allows(Section.ADDRESS_BOOK, Access.WRITE))
                .pushUrl(view.base() + "/address_book" + (query.isEmpty() ? "" : "?q=" + java.net.URLEncoder.encode(query,
                        java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
