package io.stratum.admin.console;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import io.stratum.admin.InvalidInput;
import io.stratum.admin.audit.AuditSection;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.audit.AuditQuery;
import io.stratum.core.audit.ChainVerification;
import io.vertx.core.http.HttpServerRequest;

/** The Audit section: filtered, paged table and chain verification. */
@Path(AdminPaths.INTERNAL + "/audit")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class AuditConsole {
    private final Template template;
    private final ConsoleView view;
    private final AuditSection audit;
    private final CurrentAdmin current;

    public AuditConsole(@Location("console/audit.html") Template template, ConsoleView view, AuditSection audit, CurrentAdmin current) {
        this.template = template;
        this.view = view;
        this.audit = audit;
        this.current = current;
    }

    @GET
    @AdminAccess(Section.AUDIT)
    @Operation(summary = "Console: audit log")
    public Response show(@QueryParam("category") String category, @QueryParam("text") String text, @QueryParam("from") String from,
            @QueryParam("until") String until, @QueryParam("order") String order, @QueryParam("page") Integer page,
            @Context HttpServerRequest request) {
        Map<String, String> form = Map.of("category", nz(category), "text", nz(text), "from", nz(from), "until", nz(until), "order", nz(order));
        try {
            AuditQuery query = AuditSection.query(category, text, from, until, order, page, AuditSection.PAGE_SIZE);
            return page(request, query).invalid(Map.of(), form).ok();
        } catch (InvalidInput e) {
            return page(request, AuditQuery.all(AuditSection.PAGE_SIZE)).invalid(e.errors(), form).status(400);
        }
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(Section.AUDIT)
    @Operation(summary = "Console: verify the audit chain")
    public Response verify(@Context HttpServerRequest request) {
        ChainVerification result = audit.verify(current.require());
        ConsoleView.Page page = page(request, AuditQuery.all(AuditSection.PAGE_SIZE)).with("verification", result);
        ConsoleMessages text = page.messages();
        return result.intact() ? page.notice(text.audit_intact(result.checked())).ok()
                : page.error(text.audit_broken(result.brokenSeq(), result.problem())).ok();
    }

    private ConsoleView.Page page(HttpServerRequest request, AuditQuery query) {
        return view.page(template, request, "audit").with("result", audit.find(query)).with("query", query)
                .with("verification", null).pushUrl(null);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
