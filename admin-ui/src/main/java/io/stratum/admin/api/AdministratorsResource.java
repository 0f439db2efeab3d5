package io.stratum.admin.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.InvalidInput;
import io.stratum.admin.administrators.AdministratorView;
import io.stratum.admin.administrators.Administrators;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.AdminRole;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Rights;
import io.stratum.admin.auth.Section;
import io.stratum.admin.web.AdminPaths;

/** Console administrators: list, create, change rights, reset, delete. */
@Path(AdminPaths.API + "/administrators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: administrators")
public class AdministratorsResource {
    private final Administrators administrators;
    private final CurrentAdmin current;

    public AdministratorsResource(Administrators administrators, CurrentAdmin current) {
        this.administrators = administrators;
        this.current = current;
    }

    /** Role ADMINISTRATOR, LIMITED or SECURITY; sections (LIMITED only): section → READ or WRITE. */
    public record RightsForm(String role, Map<String, String> sections) {
        Rights toRights() {
            AdminRole parsedRole;
            try {
                parsedRole = AdminRole.valueOf(role == null ? "" : role.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("role", "role must be ADMINISTRATOR, LIMITED or SECURITY");
            }
            Map<Section, Access> grants = new EnumMap<>(Section.class);
            if (parsedRole == AdminRole.LIMITED && sections != null) {
                sections.forEach((section, access) -> {
                    try {
                        grants.put(Section.valueOf(section.toUpperCase(Locale.ROOT)), Access.valueOf(access.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        throw InvalidInput.of("sections", "unknown section or access: " + section + "=" + access);
                    }
                });
            }
            try {
                return new Rights(parsedRole, grants);
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("sections", e.getMessage());
            }
        }
    }

    /** A new administrator. */
    public record NewAdministrator(String username, String password, String role, Map<String, String> sections) {
    }

    /** A new password for a reset. */
    public record Reset(String password) {
    }

    @GET
    @AdminAccess(Section.ADMINISTRATORS)
    @Operation(summary = "List administrators (filter by login, sort by username, role or created)")
    public List<AdministratorView> list(@QueryParam("filter") String filter, @QueryParam("sort") String sort,
            @QueryParam("descending") boolean descending) {
        return administrators.list(filter, sortOf(sort), descending);
    }

    @POST
    @AdminAccess(value = Section.ADMINISTRATORS, access = Access.WRITE)
    @Operation(summary = "Create an administrator (password policy applies)")
    public Response create(NewAdministrator form) {
        if (form == null) {
            throw InvalidInput.of("username", "send username, password, role and sections");
        }
        Rights rights = new RightsForm(form.role(), form.sections()).toRights();
        return Response.status(201).entity(administrators.create(current.require(), form.username(), form.password(), rights)).build();
    }

    @PUT
    @Path("/{id}/rights")
    @AdminAccess(value = Section.ADMINISTRATORS, access = Access.WRITE)
    @Operation(summary = "Change an administrator's role and sections (their sessions end)")
    public void changeRights(@PathParam("id") long id, RightsForm form) {
        administrators.changeRights(current.require(), id, (form == null ? new RightsForm(null, null) : form).toRights());
    }

    @POST
    @Path("/{id}/reset")
    @AdminAccess(value = Section.ADMINISTRATORS, access = Access.WRITE)
    @Operation(summary = "Reset an administrator: new password, TOTP removed, lockout lifted, sessions ended")
    public void reset(@PathParam("id") long id, Reset reset) {
        administrators.reset(current.require(), id, reset == null ? null : reset.password());
    }

    @DELETE
    @Path("/{id}")
    @AdminAccess(value = Section.ADMINISTRATORS, access = Access.WRITE)
    @Operation(summary = "Delete an administrator (not yourself, not the last full administrator)")
    public void delete(@PathParam("id") long id) {
        administrators.delete(current.require(), id);
    }

    static Administrators.SortBy sortOf(String sort) {
        try {
            return sort == null || sort.isBlank() ? Administrators.SortBy.USERNAME
                    : Administrators.SortBy.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("sort", "sort by username, role or created");
        }
    }
}
