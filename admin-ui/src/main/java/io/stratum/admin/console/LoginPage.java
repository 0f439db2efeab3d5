package io.stratum.admin.console;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.stratum.admin.AdminConsoleConfig;
import io.stratum.admin.auth.AnyAdministrator;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.LoginService;
import io.stratum.admin.auth.PublicAdminEndpoint;
import io.stratum.admin.web.AdminPaths;
import io.stratum.admin.web.ClientRequest;
import io.stratum.admin.web.Cookies;
import io.vertx.core.http.HttpServerRequest;

/** The console's login and logout. */
@Path(AdminPaths.INTERNAL)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class LoginPage {
    private final Template login;
    private final ConsoleView view;
    private final LoginService service;
    private final CurrentAdmin current;
    private final AdminConsoleConfig config;

    public LoginPage(@Location("console/login.html") Template login, ConsoleView view, LoginService service,
            CurrentAdmin current, AdminConsoleConfig config) {
        this.login = login;
        this.view = view;
        this.service = service;
        this.current = current;
        this.config = config;
    }

    @GET
    @Path("/login")
    @PublicAdminEndpoint
    @Operation(summary = "Console: login page")
    public Response form(@Context HttpServerRequest request) {
        return view.page(login, request, null).ok();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PublicAdminEndpoint
    @Operation(summary = "Console: log in")
    public Response submit(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("code") String code, @Context HttpServerRequest request) {
        LoginService.Outcome outcome = service.login(username, password, code, ClientRequest.ip(request));
        if (outcome.succeeded()) {
            return Response.fromResponse(view.redirect(request, ""))
                    .cookie(Cookies.session(outcome.session().orElseThrow().token(), config.session().lifetime(), ClientRequest.secure(request)))
                    .build();
        }
        ConsoleView.Page page = view.page(login, request, null).invalid(Map.of(), Map.of("username", username == null ? "" : username))
                .pushUrl(view.base() + "/login");
        ConsoleMessages text = page.messages();
        return switch (outcome.refusal()) {
            case LOCKED -> page.error(text.login_locked(Math.max(1, (outcome.retryAfter().toSeconds() + 59) / 60))).status(429);
            case SECOND_FACTOR_REQUIRED -> page.error(text.login_code_required()).status(401);
            case WRONG_SECOND_FACTOR -> page.error(text.login_code_wrong()).status(401);
            case WRONG_CREDENTIALS -> page.error(text.login_wrong()).status(401);
        };
    }

    @POST
    @Path("/logout")
    @AnyAdministrator
    @Operation(summary = "Console: log out")
    public Response logout(@Context HttpServerRequest request) {
        service.logout(current.require());
        return Response.fromResponse(view.redirect(request, "/login")).cookie(Cookies.clearSession(ClientRequest.secure(request))).build();
    }

    @POST
    @Path("/logout-everywhere")
    @AnyAdministrator
    @Operation(summary = "Console: log out on every device")
    public Response logoutEverywhere(@Context HttpServerRequest request) {
        service.logoutEverywhere(current.require());
        return Response.fromResponse(view.redirect(request, "/login")).cookie(Cookies.clearSession(ClientRequest.secure(request))).build();
    }
}
