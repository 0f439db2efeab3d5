package io.stratum.admin.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.TableOrder;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.chats.ConsoleChats;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.chat.ChatAdministration.ChatDetails;
import io.stratum.core.chat.ChatAdministration.ChatPage;

/** Chats: search, details with members and routing kind, delete. Never message bodies. */
@Path(AdminPaths.API + "/chats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: chats")
public class ChatsResource {
    private final ConsoleChats chats;
    private final CurrentAdmin current;

    public ChatsResource(ConsoleChats chats, CurrentAdmin current) {
        this.chats = chats;
        this.current = current;
    }

    @GET
    @AdminAccess(Section.CHATS)
    @Operation(summary = "Chats whose name contains q, or whose id or a member's e-mail is q; newest first unless sort is given (limit ≤ 200)")
    public ChatPage search(@QueryParam("q") String query, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @Parameter(description = "name, kind, members, messages, home or created (default, newest first); an unknown key gives the default")
            @QueryParam("sort") String sort,
            @Parameter(description = "true: descending (default: ascending, or newest first without sort)") @QueryParam("desc") Boolean descending) {
        return chats.search(query, TableOrder.parse(sort, descending, ConsoleChats.NEWEST), offset, limit);
    }

    @GET
    @Path("/{chatId}")
    @AdminAccess(Section.CHATS)
    @Operation(summary = "A chat with its members (404 chat_not_found)")
    public ChatDetails details(@PathParam("chatId") String chatId) {
        return chats.details(chatId);
    }

    @DELETE
    @Path("/{chatId}")
    @AdminAccess(value = Section.CHATS, access = Access.WRITE)
    @Operation(summary = "Delete a chat for every member")
    public Response delete(@PathParam("chatId") String chatId) {
        chats.delete(current.require(), chatId);
        return Response.noContent().build();
    }
}
