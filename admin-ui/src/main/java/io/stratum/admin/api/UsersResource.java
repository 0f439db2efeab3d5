package io.stratum.admin.api;

import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.TableOrder;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.users.ConsoleUsers;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.account.UserAdministration.UserPage;
import io.stratum.core.account.UserAdministration.UserProfile;

/** Chat users: search, profile with devices, block/unblock, end sessions, delete. */
@Path(AdminPaths.API + "/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: users")
public class UsersResource {
    private final ConsoleUsers users;
    private final CurrentAdmin current;

    public UsersResource(ConsoleUsers users, CurrentAdmin current) {
        this.users = users;
        this.current = current;
    }

    @GET
    @AdminAccess(Section.USERS)
    @Operation(summary = "Users whose e-mail, phone, name, company or department contains q, newest first unless sort is given (limit ≤ 200)")
    public UserPage search(@QueryParam("q") String query, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @Parameter(description = "name, contact, status, last_seen or created (default, newest first); an unknown key gives the default")
            @QueryParam("sort") String sort,
            @Parameter(description = "true: descending (default: ascending, or newest first without sort)") @QueryParam("desc") Boolean descending) {
        return users.search(query, TableOrder.parse(sort, descending, ConsoleUsers.NEWEST), offset, limit);
    }

    @GET
    @Path("/{huid}")
    @AdminAccess(Section.USERS)
    @Operation(summary = "A user and their devices (404 user_not_found)")
    public UserProfile profile(@PathParam("huid") String huid) {
        return users.profile(huid);
    }

    @POST
    @Path("/{huid}/block")
    @AdminAccess(value = Section.USERS, access = Access.WRITE)
    @Operation(summary = "Block a user: their tokens stop working and their WebSockets close at once")
    public UserProfile block(@PathParam("huid") String huid) {
        users.setBlocked(current.require(), huid, true);
        return users.profile(huid);
    }

    @POST
    @Path("/{huid}/unblock")
    @AdminAccess(value = Section.USERS, access = Access.WRITE)
    @Operation(summary = "Unblock a user: they may log in again (409 user_disabled_by_directory for directory-disabled users)")
    public UserProfile unblock(@PathParam("huid") String huid) {
        users.setBlocked(current.require(), huid, false);
        return users.profile(huid);
    }

    @POST
    @Path("/{huid}/end-sessions")
    @AdminAccess(value = Section.USERS, access = Access.WRITE)
    @Operation(summary = "Log every device of the user out; answers how many were logged out")
    public Map<String, Integer> endSessions(@PathParam("huid") String huid) {
        return Map.of("devices", users.endSessions(current.require(), huid));
    }

    @DELETE
    @Path("/{huid}")
    @AdminAccess(value = Section.USERS, access = Access.WRITE)
    @Operation(summary = "Delete a user: every device logged out, personal data cleared, no longer found or able to log in; "
            + "messages already sent stay in their chats (204; 404 user_not_found)")
    public jakarta.ws.rs.core.Response delete(@PathParam("huid") String huid) {
        users.delete(current.require(), huid);
        return jakarta.ws.rs.core.Response.noContent().build();
    }
}
