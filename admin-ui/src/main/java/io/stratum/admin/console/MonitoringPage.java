package io.stratum.admin.console;

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
import io.stratum.admin.logs.RecentLogLines;
import io.stratum.admin.monitoring.KeyMetrics;
import io.stratum.admin.settings.ConsoleSettings;
import io.stratum.admin.web.AdminPaths;
import io.vertx.core.http.HttpServerRequest;

/** The Monitoring and Logs sections. */
@Path(AdminPaths.INTERNAL)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class MonitoringPage {
    private final Template monitoring;
    private final Template logs;
    private final ConsoleView view;
    private final KeyMetrics metrics;
    private final RecentLogLines lines;
    private final ConsoleSettings settings;

    public MonitoringPage(@Location("console/monitoring.html") Template monitoring, @Location("console/logs.html") Template logs,
            ConsoleView view, KeyMetrics metrics, RecentLogLines lines, ConsoleSettings settings) {
        this.monitoring = monitoring;
        this.logs = logs;
        this.view = view;
        this.metrics = metrics;
        this.lines = lines;
        this.settings = settings;
    }

    @GET
    @Path("/monitoring")
    @AdminAccess(Section.MONITORING)
    @Operation(summary = "Console: key metrics")
    public Response monitoring(@Context HttpServerRequest request) {
        return view.page(monitoring, request, "monitoring").with("figures", metrics.figures()).ok();
    }

    @GET
    @Path("/logs")
    @AdminAccess(Section.LOGS)
    @Operation(summary = "Console: recent log lines")
    public Response logs(@QueryParam("level") String level, @QueryParam("text") String text, @Context HttpServerRequest request) {
        boolean shown = settings.logsShown();
        return view.page(logs, request, "logs").with("enabled", shown).with("lines", shown ? lines.recent(level, text) : java.util.List.of())
                .with("level", level == null ? "" : level).with("text", text == null ? "" : text).ok();
    }
}
