package io.stratum.admin.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.audit.AuditSection;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.audit.AuditPage;
import io.stratum.core.audit.ChainVerification;

/** The audit log: connection events and administrator actions. */
@Path(AdminPaths.API + "/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: audit")
public class AuditResource {
    private final AuditSection audit;
    private final CurrentAdmin current;

    public AuditResource(AuditSection audit, CurrentAdmin current) {
        this.audit = audit;
        this.current = current;
    }

    @GET
    @AdminAccess(Section.AUDIT)
    @Operation(summary = "Audit records, newest first (category CONNECTION|ADMIN, text, from/until YYYY-MM-DD, order asc|desc, page, size)")
    public AuditPage list(@QueryParam("category") String category, @QueryParam("text") String text, @QueryParam("from") String from,
            @QueryParam("until") String until, @QueryParam("order") String order, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return audit.find(AuditSection.query(category, text, from, until, order, page, size));
    }

    @POST
    @Path("/verify")
    @AdminAccess(Section.AUDIT)
    @Operation(summary = "Verify the hash chain; reports the first broken record")
    public ChainVerification verify() {
        return audit.verify(current.require());
    }
}
