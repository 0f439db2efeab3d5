package io.stratum.admin.api;

import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.directory.DirectoryAdministration;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.directory.AttributeMapping;
import io.stratum.core.directory.DirectorySettings;
import io.stratum.core.directory.DirectorySyncStatus;

/** The directory (AD/LDAP) integration: connection settings, a sync on request, the last sync's status. */
@Path(AdminPaths.API + "/directory")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: directory")
public class DirectoryAdminResource {
    private final DirectoryAdministration directory;
    private final CurrentAdmin current;

    public DirectoryAdminResource(DirectoryAdministration directory, CurrentAdmin current) {
        this.directory = directory;
        this.current = current;
    }

    /** The settings as shown: the bind password never, only whether one is set. */
    public record SettingsView(boolean enabled, String url, String bindDn, boolean bindPasswordSet, String baseDn, String userFilter,
            AttributeMapping attributes, String disabledAttribute, String disabledValue, int syncIntervalMinutes) {
    }

    /** The settings as saved; an empty or absent bindPassword keeps the stored one. */
    public record SettingsForm(boolean enabled, String url, String bindDn, String bindPassword, String baseDn, String userFilter,
            AttributeMapping attributes, String disabledAttribute, String disabledValue, Integer syncIntervalMinutes) {
        DirectorySettings toSettings() {
            return new DirectorySettings(enabled, url, bindDn, Optional.ofNullable(bindPassword), baseDn, userFilter, attributes,
                    disabledAttribute, disabledValue, syncIntervalMinutes == null ? 60 : syncIntervalMinutes);
        }
    }

    @GET
    @Path("/settings")
    @AdminAccess(Section.DIRECTORY)
    @Operation(summary = "The directory connection settings; the bind password is never returned")
    public SettingsView settings() {
        DirectorySettings s = directory.settings();
        return new SettingsView(s.enabled(), s.url(), s.bindDn(), s.bindPasswordSet(), s.baseDn(), s.userFilter(), s.attributes(),
                s.disabledAttribute(), s.disabledValue(), s.syncIntervalMinutes());
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.DIRECTORY, access = Access.WRITE)
    @Operation(summary = "Save the directory settings (an empty bind password keeps the stored one)")
    public void save(SettingsForm form) {
        directory.save(current.require(), (form == null ? new SettingsForm(false, null, null, null, null, null, null, null, null, null)
                : form).toSettings());
    }

    @POST
    @Path("/sync")
    @AdminAccess(value = Section.DIRECTORY, access = Access.WRITE)
    @Operation(summary = "Sync with the directory now and return the counts; 503 directory_unavailable, 502 directory_refused, "
            + "409 sync_running or directory_off")
    public DirectorySyncStatus sync() {
        return directory.sync(current.require());
    }

    @GET
    @Path("/sync")
    @AdminAccess(Section.DIRECTORY)
    @Operation(summary = "The last sync: when, what started it, result, counts, error")
    public DirectorySyncStatus status() {
        return directory.status();
    }
}
