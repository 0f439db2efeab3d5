package io.stratum.admin.console;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
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
import io.stratum.admin.settings.ConsoleSettings;
import io.stratum.admin.settings.MailForm;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.account.RegistrationSettings;
import io.vertx.core.http.HttpServerRequest;

/** The Settings, E-mail and Registration sections. */
@Path(AdminPaths.INTERNAL)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class SettingsPages {
    private final Template settingsTemplate;
    private final Template emailTemplate;
    private final Template registrationTemplate;
    private final ConsoleView view;
    private final ConsoleSettings settings;
    private final CurrentAdmin current;

    public SettingsPages(@Location("console/settings.html") Template settingsTemplate, @Location("console/email.html") Template emailTemplate,
            @Location("console/registration.html") Template registrationTemplate, ConsoleView view, ConsoleSettings settings,
            CurrentAdmin current) {
        this.settingsTemplate = settingsTemplate;
        this.emailTemplate = emailTemplate;
        this.registrationTemplate = registrationTemplate;
        this.view = view;
        this.settings = settings;
        this.current = current;
    }

    @GET
    @Path("/settings")
    @AdminAccess(Section.SETTINGS)
    @Operation(summary = "Console: runtime settings and their history")
    public Response overview(@Context HttpServerRequest request) {
        return settingsPage(request).ok();
    }

    @POST
    @Path("/settings/logs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.SETTINGS, access = Access.WRITE)
    @Operation(summary = "Console: switch the Logs section on or off")
    public Response logs(@FormParam("enabled") String enabled, @Context HttpServerRequest request) {
        settings.setLogs(current.require(), "true".equals(enabled));
        ConsoleView.Page page = settingsPage(request);
        return page.notice(page.messages().settings_saved()).ok();
    }

    @GET
    @Path("/email")
    @AdminAccess(Section.EMAIL)
    @Operation(summary = "Console: SMTP settings")
    public Response email(@Context HttpServerRequest request) {
        return emailPage(request).ok();
    }

    @POST
    @Path("/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.EMAIL, access = Access.WRITE)
    @Operation(summary = "Console: save SMTP settings")
    public Response saveEmail(@FormParam("from") String from, @FormParam("host") String host, @FormParam("port") String port,
            @FormParam("user") String user, @FormParam("password") String password, @FormParam("security") String security,
            @Context HttpServerRequest request) {
        MailForm form = new MailForm(from, host, port, user, password, security);
        try {
            settings.saveMail(current.require(), form.toSettings());
            ConsoleView.Page page = emailPage(request);
            return page.notice(page.messages().settings_saved()).ok();
        } catch (InvalidInput e) {
            return emailPage(request).invalid(e.errors(), form.redisplay()).status(400);
        }
    }

    @POST
    @Path("/email/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.EMAIL, access = Access.WRITE)
    @Operation(summary = "Console: send a test e-mail")
    public Response testEmail(@FormParam("to") String to, @Context HttpServerRequest request) {
        ConsoleView.Page page = emailPage(request).with("testTo", to == null ? "" : to);
        try {
            settings.testMail(current.require(), to);
            return page.notice(page.messages().email_test_sent(to.strip())).ok();
        } catch (InvalidInput e) {
            return page.error(page.messages().email_test_failed(e.errors().getOrDefault("to", ""))).invalid(e.errors(), Map.of()).status(400);
        }
    }

    @GET
    @Path("/registration")
    @AdminAccess(Section.REGISTRATION)
    @Operation(summary = "Console: registration settings")
    public Response registration(@Context HttpServerRequest request) {
        RegistrationSettings current = settings.registration();
        return registrationPage(request).invalid(Map.of(), Map.of("emailMask", current.emailMask(),
                "phoneRegistration", Boolean.toString(current.phoneRegistration()))).ok();
    }

    @POST
    @Path("/registration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.REGISTRATION, access = Access.WRITE)
    @Operation(summary = "Console: save registration settings")
    public Response saveRegistration(@FormParam("emailMask") String emailMask, @FormParam("phoneRegistration") String phone,
            @Context HttpServerRequest request) {
        Map<String, String> form = Map.of("emailMask", emailMask == null ? "" : emailMask, "phoneRegistration", Boolean.toString("true".equals(phone)));
        try {
            settings.saveRegistration(current.require(), emailMask, "true".equals(phone));
            ConsoleView.Page page = registrationPage(request).invalid(Map.of(), form);
            return page.notice(page.messages().settings_saved()).ok();
        } catch (InvalidInput e) {
            return registrationPage(request).invalid(e.errors(), form).status(400);
        }
    }

    private ConsoleView.Page settingsPage(HttpServerRequest request) {
        return view.page(settingsTemplate, request, "settings").with("settings", settings.overview())
                .with("logsEnabled", settings.logsEnabled())
                .with("canWrite", current.require().rights().allows(Section.SETTINGS, Access.WRITE))
                .pushUrl(view.base() + "/settings");
    }

    private ConsoleView.Page emailPage(HttpServerRequest request) {
        return view.page(emailTemplate, request, "email").with("mail", settings.mail().orElse(null)).with("testTo", "")
                .with("canWrite", current.require().rights().allows(Section.EMAIL, Access.WRITE))
                .pushUrl(view.base() + "/email");
    }

    private ConsoleView.Page registrationPage(HttpServerRequest request) {
        return view.page(registrationTemplate, request, "registration")
                .with("canWrite", current.require().rights().allows(Section.REGISTRATION, Access.WRITE))
                .pushUrl(view.base() + "/registration");
    }
}
