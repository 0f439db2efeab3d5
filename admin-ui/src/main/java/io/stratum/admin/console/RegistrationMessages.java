package io.stratum.admin.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The Registration page's RTS texts (phone registration, the SMS provider) in English
 * ({@code {registration:…}} in templates); Russian in {@code messages/registration_ru.properties}.
 * A bundle of its own because Quarkus 3.33 fails at start for a bundle of more than 300 messages
 * (see {@link UserMessages}).
 */
@MessageBundle(value = "registration", locale = "en")
public interface RegistrationMessages {
    @Message("Phone registration") String phone_title();
    @Message("New users of this regional server register with their phone number and a code sent by SMS. Existing users may always log in.") String phone_hint();
    @Message("SMS provider") String sms_title();
    @Message("Phone login codes are sent through this provider's HTTP API (docs/sms.md). Until you save settings here, those of settings.yaml apply; a change applies to the next code sent, without a restart.") String sms_hint();
    @Message("Provider URL") String sms_url();
    @Message("http:// or https:// address, e.g. https://sms-gateway.example.ru/v1/messages") String sms_url_hint();
    @Message("Login") String sms_login();
    @Message("Optional: with a login the provider gets HTTP Basic login:password, without one a bearer token.") String sms_login_hint();
    @Message("Password or token") String sms_token();
    @Message("set") String sms_token_set();
    @Message("not set") String sms_token_unset();
    @Message("Leave empty to keep the stored one; it is never shown.") String sms_token_hint();
    @Message("Sender") String sms_sender();
    @Message("Name or number shown on the phone, e.g. Stratum") String sms_sender_hint();
    @Message("Save SMS provider") String sms_save();
    @Message("SMS provider saved; the next code is sent through it.") String sms_saved();
    @Message("There is no SMS provider on this server: it is an {role}, and phone login with SMS codes exists on an RTS only.") String sms_absent(String role);
    @Message("Phone registration and the SMS provider are set on an RTS; this {role} registers users by e-mail.") String email_only(String role);
}
