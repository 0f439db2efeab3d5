package io.stratum.admin.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stratum.admin.Await;
import io.stratum.admin.InvalidInput;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.admin.auth.RoleSections;
import io.stratum.admin.auth.Section;
import io.stratum.admin.logs.RecentLogLines;
import io.stratum.core.account.RegistrationSettings;
import io.stratum.core.api.ApiException;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;
import io.stratum.core.audit.SecretMask;
import io.stratum.core.mail.MailNotSent;
import io.stratum.core.mail.MailSettings;
import io.stratum.core.mail.MailSettingsInvalid;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.core.mail.OutgoingMail;
import io.stratum.core.runtime.RuntimeSettings;
import io.stratum.core.runtime.SettingChange;
import io.stratum.core.sms.SmsProvider;
import io.stratum.core.sms.SmsProviderStore;
import io.stratum.core.sms.SmsSettingsInvalid;

/**
 * Reading and changing runtime settings for the console and the API: SMTP, registration, the SMS provider (RTS), the Logs
 * section switch, and the history of each. Every change is audited with before/after (secrets
 * masked). Blocking: call from a worker thread.
 */
@ApplicationScoped
public class ConsoleSettings {
    /** The runtime settings the console knows, with the section that edits each. */
    static final Map<String, String> KNOWN = Map.of("mail.smtp", "email", "registration", "registration", "console.logs", "settings",
            "address_book", "address_book", "directory", "directory", SmsProviderStore.SETTING_NAME, "registration");

    private final RuntimeSettings settings;
    private final MailSettingsStore mail;
    private final OutgoingMail outgoing;
    private final AdminAudit audit;
    private final RecentLogLines logs;
    private final ObjectMapper json;
    private final SmsProviderStore sms;
    private final RoleSections roleSections;

    public ConsoleSettings(RuntimeSettings settings, MailSettingsStore mail, OutgoingMail outgoing, AdminAudit audit,
            RecentLogLines logs, ObjectMapper json, SmsProviderStore sms, RoleSections roleSections) {
        this.sms = sms;
        this.roleSections = roleSections;
        this.settings = settings;
        this.mail = mail;
        this.outgoing = outgoing;
        this.audit = audit;
        this.logs = logs;
        this.json = json;
    }

    /** Every known setting of this server's role with its versions (secrets masked), sorted by name. */
    public List<SettingHistory> overview() {
        return KNOWN.entrySet().stream().filter(e -> onThisRole(e.getKey())).sorted(Map.Entry.comparingByKey())
                .map(e -> new SettingHistory(e.getKey(), e.getValue(), Await.of(settings.history(e.getKey())).stream().map(this::masked).toList()))
                .toList();
    }

    /** Whether a runtime setting belongs to a section this server's role has (the SMS provider is an RTS one). */
    private boolean onThisRole(String setting) {
        return switch (setting) {
            case "directory" -> roleSections.present(Section.DIRECTORY);
            case "address_book" -> roleSections.present(Section.ADDRESS_BOOK);
            case SmsProviderStore.SETTING_NAME -> roleSections.regional();
            default -> true;
        };
    }

    public Optional<MailSettings> mail() {
        return Await.of(mail.current());
    }

    /** Saves the SMTP settings; an empty password keeps the stored one. Field errors as {@link InvalidInput}. */
    public void saveMail(AdminPrincipal admin, MailSettings changed) {
        Optional<MailSettings> before = mail();
        try {
            Await.of(mail.save(changed, admin.username()));
        } catch (MailSettingsInvalid e) {
            throw InvalidInput.of(e.field(), e.getMessage());
        }
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "settings.mail", "mail.smtp",
                before.map(ConsoleSettings::describe).orElse(Map.of()), describe(mail().orElseThrow()))));
    }

    /** Sends a test mail with the stored settings; the SMTP server's answer as {@link InvalidInput} on field {@code to}. */
    public void testMail(AdminPrincipal admin, String to) {
        if (to == null || !to.strip().matches("[^@\\s<>]+@[^@\\s<>]+")) {
            throw InvalidInput.of("to", "an e-mail address such as admin@corp.example");
        }
        try {
            Await.of(outgoing.send(to.strip(), "Stratum test e-mail",
                    "This is a test e-mail sent from the Stratum console by " + admin.username() + "."));
        } catch (MailNotSent e) {
            throw InvalidInput.of("to", e.getMessage());
        } finally {
            Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "settings.mail.test", to.strip(), Map.of(), Map.of())));
        }
    }

    public RegistrationSettings registration() {
        return Await.of(settings.get(RegistrationSettings.SETTING));
    }

    /** Saves the registration settings after checking the e-mail mask is a valid regular expression. */
    public void saveRegistration(AdminPrincipal admin, String emailMask, boolean phoneRegistration) {
        RegistrationSettings before = registration();
        RegistrationSettings changed;
        try {
            changed = new RegistrationSettings(emailMask == null ? null : emailMask.strip(), phoneRegistration).validated();
        } catch (ApiException e) {
            throw InvalidInput.of("emailMask", e.getMessage());
        }
        Await.of(settings.set(RegistrationSettings.SETTING, changed, admin.username()));
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "settings.registration", "registration",
                Map.of("emailMask", before.emailMask(), "phoneRegistration", before.phoneRegistration()),
                Map.of("emailMask", changed.emailMask(), "phoneRegistration", changed.phoneRegistration()))));
    }

    /** The SMS provider settings in force (RTS): the console's, or settings.yaml's until the console saves some. */
    public SmsProvider smsProvider() {
        return Await.of(sms.current());
    }

    /**
     * Saves the SMS provider settings (RTS); an empty token keeps the one in force. Field errors as
     * {@link InvalidInput}; audited with the token masked.
     */
    public void saveSmsProvider(AdminPrincipal admin, String url, String login, String token, String sender) {
        SmsProvider before = smsProvider();
        try {
            Await.of(sms.save(url, login, Optional.ofNullable(token), sender, admin.username()));
        } catch (SmsSettingsInvalid e) {
            throw InvalidInput.of(e.field(), e.getMessage());
        }
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "settings.sms", SmsProviderStore.SETTING_NAME,
                describe(before), describe(smsProvider()))));
    }

    private static Map<String, Object> describe(SmsProvider provider) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("url", provider.url().map(Object::toString).orElse(""));
        state.put("login", provider.login().orElse(""));
        state.put("token", provider.token().isPresent() ? "set" : "");
        state.put("sender", provider.sender());
        return state;
    }

    /** Whether the Logs section shows lines: the runtime switch is on and the process keeps lines at all. */
    public boolean logsShown() {
        return logs.enabled() && logsEnabled();
    }

    /** The runtime switch of the Logs section (kept lines follow it, so every instance obeys a change on its next read). */
    public boolean logsEnabled() {
        boolean enabled = Await.of(settings.get(ConsoleLogsSetting.SETTING)).enabled();
        logs.capture(enabled);
        return enabled;
    }

    public void setLogs(AdminPrincipal admin, boolean enabled) {
        boolean before = logsEnabled();
        Await.of(settings.set(ConsoleLogsSetting.SETTING, new ConsoleLogsSetting(enabled), admin.username()));
        logs.capture(enabled);
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "settings.logs", "console.logs",
                Map.of("enabled", before), Map.of("enabled", enabled))));
    }

    private SettingChange masked(SettingChange change) {
        try {
            Map<String, Object> value = json.readValue(change.value(), new TypeReference<Map<String, Object>>() { });
            return new SettingChange(change.name(), change.version(), json.writeValueAsString(SecretMask.mask(value)),
                    change.changedBy(), change.changedAt());
        } catch (JsonProcessingException e) {
            return new SettingChange(change.name(), change.version(), SecretMask.MASK, change.changedBy(), change.changedAt());
        }
    }

    private static Map<String, Object> describe(MailSettings settings) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("from", settings.from());
        state.put("host", settings.host());
        state.put("port", settings.port());
        state.put("user", settings.user());
        state.put("password", settings.passwordSet() ? "set" : "");
        state.put("security", settings.security().name());
        return state;
    }
}
