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
import io.stratum.admin.InvalidInput;
import io.stratum.admin.auth.AnyAdministrator;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.OwnAccount;
import io.stratum.admin.web.AdminPaths;
import io.vertx.core.http.HttpServerRequest;

/** "My account": rights, password, TOTP, logout everywhere. */
@Path(AdminPaths.INTERNAL + "/account")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Tag(name = "Console")
public class AccountPage {
    private final Template template;
    private final ConsoleView view;
    private final OwnAccount account;
    private final CurrentAdmin current;

    public AccountPage(@Location("console/account.html") Template template, ConsoleView view, OwnAccount account, CurrentAdmin current) {
        this.template = template;
        this.view = view;
        this.account = account;
        this.current = current;
    }

    @GET
    @AnyAdministrator
    @Operation(summary = "Console: my account")
    public Response show(@Context HttpServerRequest request) {
        return page(request).ok();
    }

    @POST
    @Path("/password")
    @AnyAdministrator
    @Operation(summary = "Console: change my password")
    public Response password(@FormParam("current") String currentPassword, @FormParam("password") String password,
            @Context HttpServerRequest request) {
        ConsoleView.Page page = page(request);
        try {
            account.changePassword(current.require(), currentPassword, password);
            return page.notice(page.messages().account_password_changed()).ok();
        } catch (InvalidInput e) {
            return page.invalid(e.errors(), Map.of()).status(400);
        }
    }

    @POST
    @Path("/totp")
    @AnyAdministrator
    @Operation(summary = "Console: start setting up the second factor")
    public Response startTotp(@Context HttpServerRequest request) {
        return page(request).with("enrollment", account.startTotp(current.require())).ok();
    }

    @POST
    @Path("/totp/confirm")
    @AnyAdministrator
    @Operation(summary = "Console: turn the second factor on")
    public Response confirmTotp(@FormParam("code") String code, @Context HttpServerRequest request) {
        try {
            account.confirmTotp(current.require(), code);
            ConsoleView.Page page = page(request).with("totpOn", true);
            return page.notice(page.messages().account_totp_enabled()).ok();
        } catch (InvalidInput e) {
            return page(request).invalid(e.errors(), Map.of()).status(400);
        }
    }

    @POST
    @Path("/totp/disable")
    @AnyAdministrator
    @Operation(summary = "Console: turn the second factor off")
    public Response disableTotp(@FormParam("current") String password, @Context HttpServerRequest request) {
        try {
            account.disableTotp(current.require(), password);
            ConsoleView.Page page = page(request).with("totpOn", false);
            return page.notice(page.messages().account_totp_disabled()).ok();
        } catch (InvalidInput e) {
            return page(request).invalid(e.errors(), Map.of()).status(400);
        }
    }

    private ConsoleView.Page page(HttpServerRequest request) {
        return view.page(template, request, "account").with("totpOn", current.require().totpEnabled()).with("enrollment", null)
                .pushUrl(view.base() + "/account");
    }
}
