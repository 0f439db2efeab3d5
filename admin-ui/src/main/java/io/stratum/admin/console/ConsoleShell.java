package io.stratum.admin.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.admin.auth.AnyAdministrator;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.PublicAdminEndpoint;
import io.stratum.admin.web.AdminPaths;
import io.stratum.admin.web.ClientRequest;
import io.stratum.admin.web.ConsoleLocale;
import io.stratum.admin.web.Cookies;
import io.vertx.core.http.HttpServerRequest;

/** The console's entry page, language toggle and static assets (htmx from its WebJar, the scripts and the style sheet). */
@Path(AdminPaths.INTERNAL)
@Tag(name = "Console")
public class ConsoleShell {
    private static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js";
    private static final Map<String, String[]> ASSETS = Map.of(
            "htmx.min.js", new String[] {HTMX, "text/javascript"},
            "console.js", new String[] {"/console-assets/console.js", "text/javascript"},
            "graph.js", new String[] {"/console-assets/graph.js", "text/javascript"},
            "console.css", new String[] {"/console-assets/console.css", "text/css"});

    private final ConsoleView view;
    private final CurrentAdmin current;

    public ConsoleShell(ConsoleView view, CurrentAdmin current) {
        this.view = view;
        this.current = current;
    }

    @GET
    @AnyAdministrator
    @Operation(summary = "Console: the first section this administrator may see")
    public Response home(@Context HttpServerRequest request) {
        AdminPrincipal admin = current.require();
        return view.visiblePages(admin).stream().findFirst()
                .map(section -> view.redirect(request, "/" + view.firstPath(section)))
                .orElseGet(() -> view.redirect(request, "/account"));
    }

    @GET
    @Path("/language/{code}")
    @PublicAdminEndpoint
    @Operation(summary = "Console: switch the language (en, ru) and go back")
    public Response language(@PathParam("code") String code, @QueryParam("back") String back, @Context HttpServerRequest request) {
        String target = back != null && back.startsWith(view.base() + "/") && !back.contains("//") && !back.contains("\\") ? back : view.base();
        Response.ResponseBuilder response = Response.seeOther(java.net.URI.create(target));
        if (ConsoleLocale.LANGUAGES.contains(code)) {
            response.cookie(Cookies.language(code, ClientRequest.secure(request)));
        }
        return response.build();
    }

    @GET
    @Path("/assets/{name}")
    @PublicAdminEndpoint
    @Operation(summary = "Console: static assets")
    public Response asset(@PathParam("name") String name) throws IOException {
        String[] asset = ASSETS.get(name);
        if (asset == null) {
            return Response.status(404).build();
        }
        try (InputStream in = ConsoleShell.class.getResourceAsStream(asset[0])) {
            if (in == null) {
                return Response.status(404).build();
            }
            return Response.ok(in.readAllBytes(), asset[1] + ";charset=UTF-8").build();
        }
    }
}
