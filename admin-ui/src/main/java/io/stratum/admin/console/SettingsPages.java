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
import io.stratum.admin.auth.RoleSections;
import io.stratum.admin.auth.Section;
import io.stratum.admin.settings.ConsoleSettings;
import io.stratum.admin.settings.MailForm;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.account.RegistrationSettings;
import io.stratum.core.sms.SmsProvider;
import io.vertx.core.http.HttpServerRequest;

/** The Settings, E-mail and Registration sections (on an RTS the Registration page also sets phone registration and the SMS provider). */
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
    private final RoleSections roleSections;

    public SettingsPages(@Location("console/settings.html") Template settingsTemplate, @Location("console/email.html") Template emailTemplate,
            @Location("console/registration.html") Template registrationTemplate, ConsoleView view, ConsoleSettings settings,
            CurrentAdmin current, RoleSections roleSections) {
        this.roleSections = roleSections;
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
        return registrationPage(request).invalid(Map.of(), registrationValues()).ok();
    }

    /** The form values of the page: the registration settings and, on an RTS, the SMS provider's (never its token). */
    private Map<String, String> registrationValues() {
        RegistrationSettings current = settings.registration();
        Map<String, String> values = new java.util.HashMap<>(Map.of("emailMask", current.emailMask(),
                "phoneRegistration", Boolean.toString(current.phoneRegistration())));
        if (roleSections.regional()) {
            values.putAll(smsValues(settings.smsProvider()));
        }
        return values;
    }

    private static Map<String, String> smsValues(SmsProvider provider) {
        return Map.of("smsUrl", provider.url().map(Object::toString).orElse(""), "smsLogin", provider.login().orElse(""),
                "smsSender", provider.sender());
    }

    @POST
    @Path("/registration/sms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.REGISTRATION, access = Access.WRITE)
    @Operation(summary = "Console: save the SMS provider for phone login codes (RTS only; an empty token keeps the one in force)")
    public Response saveSms(@FormParam("smsUrl") String url, @FormParam("smsLogin") String login, @FormParam("smsToken") String token,
            @FormParam("smsSender") String sender, @Context HttpServerRequest request) {
        if (!roleSections.regional()) {
            ConsoleView.Page page = registrationPage(request).invalid(Map.of(), registrationValues());
            return page.error(page.messages(RegistrationMessages.class).sms_absent(roleSections.role().toUpperCase(java.util.Locale.ROOT)))
                    .status(404);
        }
        try {
            settings.saveSmsProvider(current.require(), url, login, token, sender);
            ConsoleView.Page page = registrationPage(request).invalid(Map.of(), registrationValues());
            return page.notice(page.messages(RegistrationMessages.class).sms_saved()).ok();
        } catch (InvalidInput e) {
            Map<String, String> values = registrationValues();
            values.putAll(Map.of("smsUrl", url == null ? "" : url, "smsLogin", login == null ? "" : login,
                    "smsSender", sender == null ? "" : sender));
            Map<String, String> errors = new java.util.HashMap<>();
            e.errors().forEach((field, message) -> errors.put("sms" + Character.toUpperCase(field.charAt(0)) + field.substring(1), message));
            return registrationPage(request).invalid(errors, values).status(400);
        }
    }

    @POST
    @Path("/registration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.REGISTRATION, access = Access.WRITE)
    @Operation(summary = "Console: save registration settings")
    public Response saveRegistration(@FormParam("emailMask") String emailMask, @FormParam("phoneRegistration") String phone,
            @Context HttpServerRequest request) {
        // Phone registration is an RTS setting: elsewhere the form has no such field and the stored value stays.
        boolean phoneRegistration = roleSections.regional() ? "true".equals(phone) : settings.registration().phoneRegistration();
        Map<String, String> form = new java.util.HashMap<>(registrationValues());
        form.putAll(Map.of("emailMask", emailMask == null ? "" : emailMask, "phoneRegistration", Boolean.toString(phoneRegistration)));
        try {
            settings.saveRegistration(current.require(), emailMask, phoneRegistration);
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
                .with("sms", roleSections.regional() ? settings.smsProvider() : null)
                .with("canWrite", current.require().rights().allows(Section.REGISTRATION, Access.WRITE))
                .pushUrl(view.base() + "/registration");
    }
}
