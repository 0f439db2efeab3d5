package io.stratum.admin.console;

import java.util.Map;
import java.util.function.BiFunction;

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
import io.stratum.admin.directory.DirectoryAdministration;
import io.stratum.admin.users.ConsoleUsers;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.account.UserAdministration;
import io.stratum.core.account.UserAdministration.UserPage;
import io.stratum.core.account.UserAdministration.UserProfile;
import io.stratum.core.api.ApiException;
import io.vertx.core.http.HttpServerRequest;

/** The Users section: search, a user's profile and devices, block, unblock, end sessions, delete. */
@Path(AdminPaths.INTERNAL + "/users")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class UsersPage {
    private static final int PAGE = 50;

    private final Template list;
    private final Template one;
    private final ConsoleView view;
    private final ConsoleUsers users;
    private final CurrentAdmin current;
    private final DirectoryAdministration directory;

    public UsersPage(@Location("console/users.html") Template list, @Location("console/user.html") Template one, ConsoleView view,
            ConsoleUsers users, CurrentAdmin current, DirectoryAdministration directory) {
        this.list = list;
        this.one = one;
        this.view = view;
        this.users = users;
        this.current = current;
        this.directory = directory;
    }

    @GET
    @AdminAccess(Section.USERS)
    @Operation(summary = "Console: users")
    public Response show(@QueryParam("q") String query, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("sort") String sort, @QueryParam("desc") Boolean descending, @Context HttpServerRequest request) {
        String q = query == null ? "" : query.strip();
        return listPage(request, q, TableOrder.parse(sort, descending, ConsoleUsers.NEWEST), offset).pushTable().ok();
    }

    /** One page of the users table: the users matching {@code q} in {@code order}, from {@code offset}. */
    private ConsoleView.Page listPage(HttpServerRequest request, String q, TableOrder<UserAdministration.SortBy> order, int offset) {
        UserPage page = users.search(q, order, offset, PAGE);
        return view.page(list, request, "users").with("q", q).with("page", page)
                .with("previous", Math.max(0, page.offset() - PAGE)).with("next", page.offset() + PAGE)
                .with("hasNext", page.offset() + PAGE < page.total()).with("hasPrevious", page.offset() > 0)
                .table("/users", Map.of("q", q), order, ConsoleUsers.NEWEST);
    }

    @GET
    @Path("/{huid}")
    @AdminAccess(Section.USERS)
    @Operation(summary = "Console: one user")
    public Response profile(@PathParam("huid") String huid, @Context HttpServerRequest request) {
        return page(request, users.profile(huid)).ok();
    }

    @POST
    @Path("/{huid}/block")
    @AdminAccess(value = Section.USERS, access = Access.WRITE)
    @Operation(summary = "Console: block a user")
    public Response block(@PathParam("huid") String huid, @Context HttpServerRequest request) {
        return act(request, huid, () -> users.setBlocked(current.require(), huid, true), (text, name) -> text.blocked(name));
    }

    @POST
    @Path("/{huid}/unblock")
    @AdminAccess(value = Section.USERS, access = Access.WRITE)
    @Operation(summary = "Console: unblock a user")
    public Response unblock(@PathParam("huid") String huid, @Context HttpServerRequest request) {
        return act(request, huid, () -> users.setBlocked(current.require(), huid, false), (text, name) -> text.unblocked(name));
    }

    @POST
    @Path("/{huid}/end-sessions")
    @AdminAccess(value = Section.USERS, access = Access.WRITE)
    @Operation(summary = "Console: log every device of a user out")
    public Response endSessions(@PathParam("huid") String huid, @Context HttpServerRequest request) {
        int[] ended = {0};
        return act(request, huid, () -> ended[0] = users.endSessions(current.require(), huid),
                (text, name) -> text.ended(ended[0], name));
    }

    @POST
    @Path("/{huid}/delete")
    @AdminAccess(value = Section.USERS, access = Access.WRITE)
    @Operation(summary = "Console: delete a user")
    public Response delete(@PathParam("huid") String huid, @Context HttpServerRequest request) {
        UserProfile profile;
        try {
            profile = users.profile(huid);
            users.delete(current.require(), huid);
        } catch (ApiException e) {
            return listPage(request, "", ConsoleUsers.NEWEST, 0).error(e.getMessage()).pushUrl(view.base() + "/users").status(e.status());
        }
        ConsoleView.Page shown = listPage(request, "", ConsoleUsers.NEWEST, 0).pushUrl(view.base() + "/users");
        return shown.notice(shown.messages(UserMessages.class).deleted(label(profile))).ok();
    }

    private Response act(HttpServerRequest request, String huid, Runnable action, BiFunction<UserMessages, String, String> notice) {
        try {
            action.run();
        } catch (ApiException e) {
            ConsoleView.Page page = page(request, users.profile(huid));
            return page.error(e.getMessage()).status(e.status());
        }
        UserProfile profile = users.profile(huid);
        ConsoleView.Page page = page(request, profile);
        return page.notice(notice.apply(page.messages(UserMessages.class), label(profile))).ok();
    }

    private ConsoleView.Page page(HttpServerRequest request, UserProfile profile) {
        // the last sync is what the directory side knows of a directory user; other users never meet it
        boolean fromDirectory = profile.user().directoryId() != null;
        return view.page(one, request, "users").with("profile", profile).with("label", label(profile))
                .with("fromDirectory", fromDirectory).with("sync", fromDirectory ? directory.status() : null)
                .with("canWrite", current.require().rights().allows(Section.USERS, Access.WRITE))
                .pushUrl(view.base() + "/users/" + profile.user().huid());
    }

    private static String label(UserProfile profile) {
        var user = profile.user();
        if (user.name() != null && !user.name().isBlank()) {
            return user.name();
        }
        return user.email() != null ? user.email() : user.phone() != null ? user.phone() : user.huid();
    }
}
