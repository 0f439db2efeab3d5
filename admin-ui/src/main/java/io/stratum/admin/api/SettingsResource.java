package io.stratum.admin.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.RoleSections;
import io.stratum.admin.auth.Section;
import io.stratum.admin.settings.ConsoleSettings;
import io.stratum.admin.settings.MailForm;
import io.stratum.admin.settings.SettingHistory;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.sms.SmsProvider;
import io.stratum.core.account.RegistrationSettings;

/** Runtime settings: overview with history, SMTP (with a test mail), registration, the SMS provider (RTS), the Logs switch. */
@Path(AdminPaths.API + "/settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: settings")
public class SettingsResource {
    private final ConsoleSettings settings;
    private final CurrentAdmin current;
    private final RoleSections roleSections;

    public SettingsResource(ConsoleSettings settings, CurrentAdmin current, RoleSections roleSections) {
        this.roleSections = roleSections;
        this.settings = settings;
        this.current = current;
    }

    /** The SMTP settings as shown: the password never, only whether one is set. */
    public record MailView(String from, String host, int port, String user, boolean passwordSet, String security) {
    }

    /** A test mail's recipient. */
    public record TestMail(String to) {
    }

    /** The Logs section switch. */
    public record LogsSwitch(boolean enabled) {
    }

    @GET
    @AdminAccess(Section.SETTINGS)
    @Operation(summary = "Every runtime setting with its versions (who changed what, when), secrets masked")
    public List<SettingHistory> overview() {
        return settings.overview();
    }

    @PUT
    @Path("/logs")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.SETTINGS, access = Access.WRITE)
    @Operation(summary = "Switch the Logs section on or off")
    public void logs(LogsSwitch change) {
        settings.setLogs(current.require(), change != null && change.enabled());
    }

    @GET
    @Path("/mail")
    @AdminAccess(Section.EMAIL)
    @Operation(summary = "The SMTP settings (404 until saved); the password is never returned")
    public Response mail() {
        return settings.mail().<Response>map(m -> Response.ok(new MailView(m.from(), m.host(), m.port(), m.user(), m.passwordSet(),
                        m.security().name())).build())
                .orElse(Response.status(404).entity(Map.of("error", "not_set", "message", "no SMTP server set yet")).build());
    }

    @PUT
    @Path("/mail")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.EMAIL, access = Access.WRITE)
    @Operation(summary = "Save the SMTP settings (an empty password keeps the stored one)")
    public void saveMail(MailForm form) {
        settings.saveMail(current.require(), (form == null ? new MailForm(null, null, null, null, null, null) : form).toSettings());
    }

    @POST
    @Path("/mail/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.EMAIL, access = Access.WRITE)
    @Operation(summary = "Send a test e-mail with the stored settings; 400 with the SMTP server's answer on failure")
    public void testMail(TestMail mail) {
        settings.testMail(current.require(), mail == null ? null : mail.to());
    }

    @GET
    @Path("/registration")
    @AdminAccess(Section.REGISTRATION)
    @Operation(summary = "Registration settings: e-mail mask, phone registration")
    public RegistrationSettings registration() {
        return settings.registration();
    }

    @PUT
    @Path("/registration")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.REGISTRATION, access = Access.WRITE)
    @Operation(summary = "Save the registration settings (the e-mail mask must be a valid regular expression)")
    public void saveRegistration(RegistrationSettings changed) {
        settings.saveRegistration(current.require(), changed == null ? null : changed.emailMask(), changed != null && changed.phoneRegistration());
    }

    /** The SMS provider settings in force (RTS); the token is never returned, only whether one is set. */
    public record SmsProviderView(String url, String login, boolean tokenSet, String sender) {
    }

    /** A change of the SMS provider settings; an empty or absent token keeps the one in force. */
    public record SmsProviderChange(String url, String login, String token, String sender) {
    }

    @GET
    @Path("/sms")
    @AdminAccess(Section.REGISTRATION)
    @Operation(summary = "The SMS provider for phone login codes (RTS; 404 on a CTS or ETS); the token is never returned")
    public Response sms() {
        if (!roleSections.regional()) {
            return smsAbsent();
        }
        SmsProvider provider = settings.smsProvider();
        return Response.ok(new SmsProviderView(provider.url().map(Object::toString).orElse(""), provider.login().orElse(""),
                provider.token().isPresent(), provider.sender())).build();
    }

    @PUT
    @Path("/sms")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.REGISTRATION, access = Access.WRITE)
    @Operation(summary = "Save the SMS provider (RTS; an empty token keeps the one in force; the URL must be http or https)")
    public Response saveSms(SmsProviderChange change) {
        if (!roleSections.regional()) {
            return smsAbsent();
        }
        SmsProviderChange given = change == null ? new SmsProviderChange(null, null, null, null) : change;
        settings.saveSmsProvider(current.require(), given.url(), given.login(), given.token(), given.sender());
        return Response.noContent().build();
    }

    private Response smsAbsent() {
        return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE).entity(java.util.Map.of("error", "section_absent",
                "message", "there is no SMS provider on this server: it is an " + roleSections.role().toUpperCase(java.util.Locale.ROOT)
                        + " and phone login with SMS codes exists on an RTS only")).build();
    }
}
