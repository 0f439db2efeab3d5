package io.stratum.admin.console;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.stratum.admin.InvalidInput;
import io.stratum.admin.TableOrder;
import io.stratum.admin.administrators.AdministratorView;
import io.stratum.admin.administrators.Administrators;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.AdminRole;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Rights;
import io.stratum.admin.auth.RoleSections;
import io.stratum.admin.auth.Section;
import io.stratum.admin.web.AdminPaths;
import io.vertx.core.http.HttpServerRequest;

/** The Administrators section: table (filter, sort), create, reset, delete. */
@Path(AdminPaths.INTERNAL + "/administrators")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class AdministratorsPage {
    private static final TableOrder<Administrators.SortBy> BY_USERNAME = new TableOrder<>(Administrators.SortBy.USERNAME, false);

    private final Template template;
    private final ConsoleView view;
    private final Administrators administrators;
    private final CurrentAdmin current;
    private final RoleSections roleSections;

    public AdministratorsPage(@Location("console/administrators.html") Template template, ConsoleView view,
            Administrators administrators, CurrentAdmin current, RoleSections roleSections) {
        this.template = template;
        this.view = view;
        this.administrators = administrators;
        this.current = current;
        this.roleSections = roleSections;
    }

    @GET
    @AdminAccess(Section.ADMINISTRATORS)
    @Operation(summary = "Console: administrators")
    public Response show(@QueryParam("filter") String filter, @QueryParam("sort") String sort, @QueryParam("desc") boolean descending,
            @Context HttpServerRequest request) {
        return page(request, filter, sort, descending).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.ADMINISTRATORS, access = Access.WRITE)
    @Operation(summary = "Console: create an administrator")
    public Response create(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        String username = form.getFirst("username");
        try {
            AdministratorView created = administrators.create(current.require(), username, form.getFirst("password"), rights(form));
            ConsoleView.Page page = page(request, null, null, false);
            return page.notice(page.messages().admins_created_notice(created.username())).ok();
        } catch (InvalidInput e) {
            Map<String, String> values = new LinkedHashMap<>();
            form.forEach((key, list) -> {
                if (!key.equals("password") && !list.isEmpty()) {
                    values.put(key, list.get(0));
                }
            });
            return page(request, null, null, false).invalid(e.errors(), values).status(400);
        }
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.ADMINISTRATORS, access = Access.WRITE)
    @Operation(summary = "Console: delete an administrator")
    public Response delete(@PathParam("id") long id, @Context HttpServerRequest request) {
        return act(request, id, name -> administrators.delete(current.require(), id), "deleted");
    }

    @POST
    @Path("/{id}/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.ADMINISTRATORS, access = Access.WRITE)
    @Operation(summary = "Console: reset an administrator")
    public Response reset(@PathParam("id") long id, @FormParam("password") String password, @Context HttpServerRequest request) {
        return act(request, id, name -> administrators.reset(current.require(), id, password), "reset");
    }

    private Response act(HttpServerRequest request, long id, java.util.function.Consumer<String> action, String done) {
        String name = administrators.list("", Administrators.SortBy.USERNAME, false).stream().filter(a -> a.id() == id)
                .map(AdministratorView::username).findFirst().orElse("#" + id);
        try {
            action.accept(name);
            ConsoleView.Page page = page(request, null, null, false);
            ConsoleMessages text = page.messages();
            return page.notice(done.equals("deleted") ? text.admins_deleted_notice(name) : text.admins_reset_notice(name)).ok();
        } catch (InvalidInput e) {
            return page(request, null, null, false).error(name + ": " + String.join("; ", e.errors().values())).status(400);
        } catch (Administrators.NotFound e) {
            return page(request, null, null, false).error(e.getMessage()).status(404);
        }
    }

    private ConsoleView.Page page(HttpServerRequest request, String filter, String sort, boolean descending) {
        TableOrder<Administrators.SortBy> order = TableOrder.parse(sort, descending, BY_USERNAME);
        ConsoleView.Page page = view.page(template, request, "administrators");
        Map<String, String> labels = page.labels();
        java.util.List<Row> rows = administrators.list(filter, order.column(), order.descending()).stream().map(a -> new Row(a.id(), a.username(),
                labels.get("role_" + a.role().name()),
                String.join(", ", a.sections().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> labels.get("section_" + e.getKey().name()) + " (" + labels.get("access_" + e.getValue().name()) + ")").toList()),
                a.totp(), a.createdAt().toString().substring(0, 10))).toList();
        java.util.List<ConsoleView.NavItem> sections = java.util.Arrays.stream(Section.values()).filter(Section::grantable).filter(roleSections::present)
                .map(s -> new ConsoleView.NavItem(s.name(), labels.get("section_" + s.name()))).toList();
        return page
                .with("administrators", rows)
                .with("filter", filter == null ? "" : filter)
                .table("/administrators", Map.of("filter", filter == null ? "" : filter), order, BY_USERNAME)
                .with("grantable", sections)
                .with("canWrite", current.require().rights().allows(Section.ADMINISTRATORS, Access.WRITE))
                .with("me", current.require().id())
                .pushUrl(view.base() + "/administrators");
    }

    /** One line of the administrators table, labels in the page's language. */
    public record Row(long id, String username, String role, String sections, boolean totp, String created) {
    }

    /** Role from {@code role}; for LIMITED, each {@code section_X} = READ or WRITE (anything else: not granted). */
    static Rights rights(MultivaluedMap<String, String> form) {
        AdminRole role;
        try {
            role = AdminRole.valueOf(String.valueOf(form.getFirst("role")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("role", "choose a role");
        }
        Map<Section, Access> grants = new EnumMap<>(Section.class);
        if (role == AdminRole.LIMITED) {
            for (Section section : Section.values()) {
                String value = form.getFirst("section_" + section.name());
                if (section.grantable() && ("READ".equals(value) || "WRITE".equals(value))) {
                    grants.put(section, Access.valueOf(value));
                }
            }
        }
        return new Rights(role, grants);
    }
}
