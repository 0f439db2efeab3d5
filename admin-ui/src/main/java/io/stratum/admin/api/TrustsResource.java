package io.stratum.admin.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.TableOrder;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.trusts.ConsoleTrusts;
import io.stratum.admin.web.AdminPaths;
import io.stratum.trusts.link.LinkStatus;
import io.stratum.trusts.records.Trust;
import io.stratum.trusts.records.TrustDraft;

/**
 * Trust records (trusts.md): the remote servers this server trusts. Tokens are write-only: they are
 * accepted on create and change (empty keeps the stored one) and never returned.
 */
@Path(AdminPaths.API + "/trusts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: trusts")
public class TrustsResource {
    private final ConsoleTrusts trusts;
    private final CurrentAdmin current;

    public TrustsResource(ConsoleTrusts trusts, CurrentAdmin current) {
        this.trusts = trusts;
        this.current = current;
    }

    @GET
    @AdminAccess(Section.TRUSTS)
    @Operation(summary = "Every trust of this server (tokens never included); upstream first, then by kind and name, "
            + "unless filter, kind or sort is given")
    public List<Trust> list(
            @Parameter(description = "only trusts whose remote id, name, endpoint or client host contains this (any case)") @QueryParam("filter") String filter,
            @Parameter(description = "only trusts of this kind: RTS, ETS, CTS or TTS (anything else: every kind)") @QueryParam("kind") String kind,
            @Parameter(description = "name, remote_id, kind (default) or endpoint; an unknown key gives the default") @QueryParam("sort") String sort,
            @Parameter(description = "true: descending (default: ascending)") @QueryParam("desc") Boolean descending) {
        if (filter == null && kind == null && sort == null && descending == null) {
            return trusts.list();
        }
        return trusts.list(filter, ConsoleTrusts.kind(kind), TableOrder.parse(sort, descending, ConsoleTrusts.BY_KIND));
    }

    @GET
    @Path("/{remoteId}")
    @AdminAccess(Section.TRUSTS)
    @Operation(summary = "One trust (404 trust_not_found)")
    public Trust get(@PathParam("remoteId") String remoteId) {
        return trusts.get(remoteId);
    }

    @GET
    @Path("/{remoteId}/link")
    @AdminAccess(Section.TRUSTS)
    @Operation(summary = "The trust's link: state (GREEN connected, RED not connected, PURPLE blocked), since when, last problem, "
            + "failed attempts and next attempt")
    public LinkStatus link(@PathParam("remoteId") String remoteId) {
        return trusts.link(trusts.get(remoteId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.TRUSTS, access = Access.WRITE)
    @Operation(summary = "Create a trust: remote id, name, kind, endpoint, both tokens (400 names every invalid field; 409 trust_exists)")
    public Response create(TrustDraft draft) {
        Trust created = trusts.create(current.require(), draft == null ? empty() : draft);
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("/{remoteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.TRUSTS, access = Access.WRITE)
    @Operation(summary = "Change a trust; empty tokens keep the stored ones")
    public Trust update(@PathParam("remoteId") String remoteId, TrustDraft draft) {
        return trusts.update(current.require(), remoteId, draft == null ? empty() : draft);
    }

    @POST
    @Path("/{remoteId}/enable")
    @AdminAccess(value = Section.TRUSTS, access = Access.WRITE)
    @Operation(summary = "Enable (unblock) a trust")
    public Trust enable(@PathParam("remoteId") String remoteId) {
        return trusts.setEnabled(current.require(), remoteId, true);
    }

    @POST
    @Path("/{remoteId}/disable")
    @AdminAccess(value = Section.TRUSTS, access = Access.WRITE)
    @Operation(summary = "Disable (block) a trust: its link is refused")
    public Trust disable(@PathParam("remoteId") String remoteId) {
        return trusts.setEnabled(current.require(), remoteId, false);
    }

    @DELETE
    @Path("/{remoteId}")
    @AdminAccess(value = Section.TRUSTS, access = Access.WRITE)
    @Operation(summary = "Delete a trust (the upstream trust only from settings.yaml: 409 trust_upstream)")
    public Response delete(@PathParam("remoteId") String remoteId) {
        trusts.delete(current.require(), remoteId);
        return Response.noContent().build();
    }

    private static TrustDraft empty() {
        return new TrustDraft(null, null, null, null, null, null, null, null, null, null, null);
    }
}
