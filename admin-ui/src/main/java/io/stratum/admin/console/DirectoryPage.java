package io.stratum.admin.console;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.stratum.admin.InvalidInput;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.directory.DirectoryAdministration;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.api.ApiException;
import io.stratum.core.directory.AttributeMapping;
import io.stratum.core.directory.DirectorySettings;
import io.vertx.core.http.HttpServerRequest;

/** The Directory section: AD/LDAP connection settings, attribute mapping, sync now, the last sync. */
@Path(AdminPaths.INTERNAL + "/directory")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class DirectoryPage {
    private final Template template;
    private final ConsoleView view;
    private final DirectoryAdministration directory;
    private final CurrentAdmin current;

    public DirectoryPage(@Location("console/directory.html") Template template, ConsoleView view, DirectoryAdministration directory,
            CurrentAdmin current) {
        this.template = template;
        this.view = view;
        this.directory = directory;
        this.current = current;
    }

    @GET
    @AdminAccess(Section.DIRECTORY)
    @Operation(summary = "Console: directory settings and the last sync")
    public Response show(@Context HttpServerRequest request) {
        return page(request).invalid(Map.of(), form(directory.settings())).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.DIRECTORY, access = Access.WRITE)
    @Operation(summary = "Console: save the directory settings (an empty password keeps the stored one)")
    public Response save(MultivaluedMap<String, String> fields, @Context HttpServerRequest request) {
        Map<String, String> form = new HashMap<>();
        fields.forEach((key, values) -> form.put(key, values.isEmpty() ? "" : values.get(0)));
        form.remove("bindPassword");
        try {
            directory.save(current.require(), settings(fields));
            ConsoleView.Page page = page(request).invalid(Map.of(), form(directory.settings()));
            return page.notice(page.messages().settings_saved()).ok();
        } catch (InvalidInput e) {
            return page(request).invalid(e.errors(), form).status(400);
        }
    }

    @POST
    @Path("/sync")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.DIRECTORY, access = Access.WRITE)
    @Operation(summary = "Console: sync with the directory now")
    public Response sync(@Context HttpServerRequest request) {
        String error = null;
        try {
            directory.sync(current.require());
        } catch (ApiException e) {
            error = e.getMessage();
        }
        ConsoleView.Page page = page(request).invalid(Map.of(), form(directory.settings()));
        return error == null ? page.notice(page.messages().directory_synced()).ok() : page.error(error).status(200);
    }

    private ConsoleView.Page page(HttpServerRequest request) {
        return view.page(template, request, "directory").with("status", directory.status())
                .with("canWrite", current.require().rights().allows(Section.DIRECTORY, Access.WRITE))
                .pushUrl(view.base() + "/directory");
    }

    private static DirectorySettings settings(MultivaluedMap<String, String> fields) {
        int interval;
        try {
            interval = Integer.parseInt(value(fields, "syncIntervalMinutes").strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("syncIntervalMinutes", "a whole number of minutes (0: on request only)");
        }
        AttributeMapping attributes = new AttributeMapping(value(fields, "attrId"), value(fields, "attrLogin"), value(fields, "attrEmail"),
                value(fields, "attrName"), value(fields, "attrPosition"), value(fields, "attrDepartment"), value(fields, "attrCompany"),
                Arrays.stream(value(fields, "attrPhones").split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
        return new DirectorySettings("true".equals(value(fields, "enabled")), value(fields, "url"), value(fields, "bindDn"),
                Optional.of(value(fields, "bindPassword")), value(fields, "baseDn"), value(fields, "userFilter"), attributes,
                value(fields, "disabledAttribute"), value(fields, "disabledValue"), interval);
    }

    private static String value(MultivaluedMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value;
    }

    private static Map<String, String> form(DirectorySettings settings) {
        Map<String, String> form = new HashMap<>();
        form.put("enabled", Boolean.toString(settings.enabled()));
        form.put("url", settings.url());
        form.put("bindDn", settings.bindDn());
        form.put("bindPasswordSet", Boolean.toString(settings.bindPasswordSet()));
        form.put("baseDn", settings.baseDn());
        form.put("userFilter", settings.userFilter());
        AttributeMapping a = settings.attributes();
        form.put("attrId", a.id());
        form.put("attrLogin", a.login());
        form.put("attrEmail", a.email());
        form.put("attrName", a.name());
        form.put("attrPosition", a.position());
        form.put("attrDepartment", a.department());
        form.put("attrCompany", a.company());
        form.put("attrPhones", String.join(", ", a.phones()));
        form.put("disabledAttribute", settings.disabledAttribute());
        form.put("disabledValue", settings.disabledValue());
        form.put("syncIntervalMinutes", Integer.toString(settings.syncIntervalMinutes()));
        return form;
    }
}
