package io.stratum.admin.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.Section;
import io.stratum.admin.web.AdminPaths;
import io.vertx.core.http.HttpServerRequest;

/**
 * The Graph page of the Trusts section (trusts.md, "Routing graph"). The page is a frame: graph.js
 * draws the SVG from {@code GET /api/v1/admin/graph} and asks {@code …/graph/chats/{id}/path} for a
 * chat's paths; the texts it needs come with the page.
 */
@Path(AdminPaths.INTERNAL + "/graph")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class GraphPage {
    private final Template template;
    private final ConsoleView view;

    public GraphPage(@Location("console/graph.html") Template template, ConsoleView view) {
        this.template = template;
        this.view = view;
    }

    @GET
    @AdminAccess(Section.TRUSTS)
    @Operation(summary = "Console: the routing graph and the path of a chat")
    public Response show(@Context HttpServerRequest request) {
        return view.page(template, request, "graph").with("api", AdminPaths.API + "/graph").ok();
    }
}
