package io.stratum.admin.api;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.AdminConsoleConfig;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.admin.auth.AnyAdministrator;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.LoginService;
import io.stratum.admin.auth.PublicAdminEndpoint;
import io.stratum.admin.auth.Section;
import io.stratum.admin.web.AdminPaths;
import io.stratum.admin.web.ClientRequest;
import io.stratum.admin.web.Cookies;
import io.vertx.core.http.HttpServerRequest;

/** Administrator sessions: log in, who am I, log out, log out everywhere. */
@Path(AdminPaths.API)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: session")
public class SessionResource {
    private final LoginService login;
    private final CurrentAdmin current;
    private final AdminConsoleConfig config;

    public SessionResource(LoginService login, CurrentAdmin current, AdminConsoleConfig config) {
        this.login = login;
        this.current = current;
        this.config = config;
    }

    /** Login form. {@code code}: the TOTP code, when the account has a second factor. */
    public record Credentials(String username, String password, String code) {
    }

    /** The logged-in administrator and the CSRF token for state-changing calls. */
    public record Me(String username, String role, Map<Section, Access> sections, boolean totp, String csrfToken) {
        static Me of(AdminPrincipal admin) {
            return new Me(admin.username(), admin.rights().role().name(), admin.rights().grants(), admin.totpEnabled(), admin.csrfToken());
        }
    }

    @POST
    @Path("/session")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicAdminEndpoint
    @Operation(summary = "Log in (sets the session cookie; 401 wrong credentials or code, 429 locked with Retry-After)")
    public Response login(Credentials credentials, @Context HttpServerRequest request) {
        Credentials given = credentials == null ? new Credentials("", "", "") : credentials;
        LoginService.Outcome outcome = login.login(given.username(), given.password(), given.code(), ClientRequest.ip(request));
        if (!outcome.succeeded()) {
            if (outcome.refusal() == LoginService.Refusal.LOCKED) {
                long seconds = Math.max(1, outcome.retryAfter().toSeconds());
                return Response.status(429).header("Retry-After", seconds)
                        .entity(Map.of("error", "locked", "retryAfterSeconds", seconds,
                                "message", "too many failed logins; try again in " + Math.max(1, (seconds + 59) / 60) + " min"))
                        .build();
            }
            return Response.status(401).entity(Map.of("error", outcome.refusal().name().toLowerCase(java.util.Locale.ROOT))).build();
        }
        var account = outcome.account().orElseThrow();
        var session = outcome.session().orElseThrow();
        return Response.ok(new Me(account.username(), account.rights().role().name(), account.rights().grants(),
                        account.totpEnabled(), session.csrfToken()))
                .cookie(Cookies.session(session.token(), config.session().lifetime(), ClientRequest.secure(request))).build();
    }

    @GET
    @Path("/session")
    @AnyAdministrator
    @Operation(summary = "The logged-in administrator, rights and CSRF token")
    public Me me() {
        return Me.of(current.require());
    }

    @DELETE
    @Path("/session")
    @AnyAdministrator
    @Operation(summary = "Log out (ends this session)")
    public Response logout(@Context HttpServerRequest request) {
        login.logout(current.require());
        return Response.noContent().cookie(Cookies.clearSession(ClientRequest.secure(request))).build();
    }

    @DELETE
    @Path("/sessions")
    @AnyAdministrator
    @Operation(summary = "Log out everywhere (ends every session of this administrator on every instance)")
    public Response logoutEverywhere(@Context HttpServerRequest request) {
        int ended = login.logoutEverywhere(current.require());
        return Response.ok(Map.of("ended", ended)).cookie(Cookies.clearSession(ClientRequest.secure(request))).build();
    }
}
