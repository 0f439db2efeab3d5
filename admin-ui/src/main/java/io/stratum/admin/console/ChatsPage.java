package io.stratum.admin.console;

import jakarta.ws.rs.DefaultValue;
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
import io.stratum.admin.TableOrder;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.chats.ConsoleChats;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.chat.ChatAdministration;
import io.stratum.core.chat.ChatAdministration.ChatDetails;
import io.stratum.core.chat.ChatAdministration.ChatPage;
import io.vertx.core.http.HttpServerRequest;

/** The Chats section: search, a chat's members, delete. */
@Path(AdminPaths.INTERNAL + "/chats")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class ChatsPage {
    private static final int PAGE = 50;

    private final Template list;
    private final Template one;
    private final ConsoleView view;
    private final ConsoleChats chats;
    private final CurrentAdmin current;

    public ChatsPage(@Location("console/chats.html") Template list, @Location("console/chat.html") Template one, ConsoleView view,
            ConsoleChats chats, CurrentAdmin current) {
        this.list = list;
        this.one = one;
        this.view = view;
        this.chats = chats;
        this.current = current;
    }

    @GET
    @AdminAccess(Section.CHATS)
    @Operation(summary = "Console: chats")
    public Response show(@QueryParam("q") String query, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("sort") String sort, @QueryParam("desc") Boolean descending, @Context HttpServerRequest request) {
        return listPage(request, query == null ? "" : query.strip(), TableOrder.parse(sort, descending, ConsoleChats.NEWEST), offset)
                .pushTable().ok();
    }

    @GET
    @Path("/{chatId}")
    @AdminAccess(Section.CHATS)
    @Operation(summary = "Console: one chat")
    public Response details(@PathParam("chatId") String chatId, @Context HttpServerRequest request) {
        ChatDetails details = chats.details(chatId);
        return view.page(one, request, "chats").with("details", details)
                .with("canWrite", current.require().rights().allows(Section.CHATS, Access.WRITE))
                .pushUrl(view.base() + "/chats/" + chatId).ok();
    }

    @POST
    @Path("/{chatId}/delete")
    @AdminAccess(value = Section.CHATS, access = Access.WRITE)
    @Operation(summary = "Console: delete a chat")
    public Response delete(@PathParam("chatId") String chatId, @Context HttpServerRequest request) {
        ChatDetails deleted = chats.delete(current.require(), chatId);
        ConsoleView.Page page = listPage(request, "", ConsoleChats.NEWEST, 0);
        return page.notice(page.messages().chats_deleted(deleted.chat().name().isBlank() ? deleted.chat().id() : deleted.chat().name()))
                .ok();
    }

    private ConsoleView.Page listPage(HttpServerRequest request, String q, TableOrder<ChatAdministration.SortBy> order, int offset) {
        ChatPage page = chats.search(q, order, offset, PAGE);
        return view.page(list, request, "chats").with("q", q).with("page", page)
                .with("previous", Math.max(0, page.offset() - PAGE)).with("next", page.offset() + PAGE)
                .with("hasNext", page.offset() + PAGE < page.total()).with("hasPrevious", page.offset() > 0)
                .table("/chats", java.util.Map.of("q", q), order, ConsoleChats.NEWEST).pushUrl(view.base() + "/chats");
    }
}
