package io.stratum.admin.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.Section;
import io.stratum.admin.logs.RecentLogLines;
import io.stratum.admin.monitoring.KeyMetrics;
import io.stratum.admin.settings.ConsoleSettings;
import io.stratum.admin.web.AdminPaths;

/** The Monitoring and Logs sections. */
@Path(AdminPaths.API)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: monitoring and logs")
public class MonitoringResource {
    private final KeyMetrics metrics;
    private final RecentLogLines logs;
    private final ConsoleSettings settings;

    public MonitoringResource(KeyMetrics metrics, RecentLogLines logs, ConsoleSettings settings) {
        this.metrics = metrics;
        this.logs = logs;
        this.settings = settings;
    }

    @GET
    @Path("/monitoring")
    @AdminAccess(Section.MONITORING)
    @Operation(summary = "Key metrics at a glance (the full set: /q/metrics)")
    public List<KeyMetrics.Figure> monitoring() {
        return metrics.figures();
    }

    @GET
    @Path("/logs")
    @AdminAccess(Section.LOGS)
    @Operation(summary = "Recent log lines of this process (level: minimum level; text: contains); none while the section is "
            + "switched off (enabled: false)")
    public Map<String, Object> logs(@QueryParam("level") String level, @QueryParam("text") String text) {
        boolean shown = settings.logsShown();
        return Map.of("enabled", shown, "lines", shown ? logs.recent(level, text) : List.of());
    }
}
