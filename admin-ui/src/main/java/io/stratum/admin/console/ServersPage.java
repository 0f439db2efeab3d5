package io.stratum.admin.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.Section;
import io.stratum.admin.graph.ConsoleGraph;
import io.stratum.admin.trusts.ConsoleTrusts;
import io.stratum.admin.web.AdminPaths;
import io.stratum.trusts.records.Trust;
import io.stratum.trusts.records.TrustKind;
import io.vertx.core.http.HttpServerRequest;

/**
 * The Servers page of the Trusts section (admin.md, "Servers"): the trusted servers by kind in tabs with
 * their link states, each linked to its trust page, and what a partner needs to create a trust to this server.
 */
@Path(AdminPaths.INTERNAL + "/servers")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class ServersPage {
    /** The tabs, in the reference product's order; RTS holds the upstream trust of an ETS or CTS. */
    static final List<TrustKind> TABS = List.of(TrustKind.CTS, TrustKind.ETS, TrustKind.TTS, TrustKind.RTS);

    /** A tab: its kind, whether it is shown, and how many trusts it lists. */
    public record Tab(String kind, boolean active, long count) {
    }

    private final Template template;
    private final ConsoleView view;
    private final ConsoleTrusts trusts;
    private final ConsoleGraph graph;

    public ServersPage(@Location("console/servers.html") Template template, ConsoleView view, ConsoleTrusts trusts, ConsoleGraph graph) {
        this.template = template;
        this.view = view;
        this.trusts = trusts;
        this.graph = graph;
    }

    @GET
    @AdminAccess(Section.TRUSTS)
    @Operation(summary = "Console: servers by kind (tabs CTS, ETS, TTS, RTS) and information for integrators")
    public Response show(@QueryParam("kind") String kind, @Context HttpServerRequest request) {
        TrustKind shown = TABS.stream().filter(k -> k.name().equalsIgnoreCase(kind == null ? "" : kind)).findFirst().orElse(TrustKind.CTS);
        List<Trust> all = trusts.list();
        List<Trust> listed = all.stream().filter(t -> t.kind() == shown).toList();
        List<ConsoleGraph.Attached> attached = graph.attached();
        List<ConsoleGraph.Attached> attachedHere = attached.stream().filter(a -> tabOf(a) == shown).toList();
        List<Tab> tabs = TABS.stream().map(k -> new Tab(k.name(), k == shown,
                all.stream().filter(t -> t.kind() == k).count() + attached.stream().filter(a -> tabOf(a) == k).count())).toList();
        Map<String, ?> links = trusts.links(listed);
        return view.page(template, request, "servers").with("tabs", tabs).with("kind", shown.name()).with("servers", listed)
                .with("attached", attachedHere).with("links", links).with("integration", graph.integration())
                .pushUrl(view.base() + "/servers?kind=" + shown.name().toLowerCase(Locale.ROOT)).ok();
    }

    /** The tab an attached server is listed in: its announced role's, CTS when it did not say. */
    private static TrustKind tabOf(ConsoleGraph.Attached server) {
        return TABS.stream().filter(k -> k.name().equals(server.role())).findFirst().orElse(TrustKind.CTS);
    }
}
