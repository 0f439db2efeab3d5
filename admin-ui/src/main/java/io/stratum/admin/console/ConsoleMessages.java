package io.stratum.admin.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The console's texts in English; Russian in {@code messages/msg_ru.properties}. */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {
    @Message("Stratum console") String app_title();
    @Message("Log in") String login_title();
    @Message("Login") String login_username();
    @Message("Password") String login_password();
    @Message("One-time code (if enabled)") String login_code();
    @Message("Log in") String login_submit();
    @Message("Wrong login or password.") String login_wrong();
    @Message("Enter the one-time code from your authenticator app.") String login_code_required();
    @Message("Wrong one-time code.") String login_code_wrong();
    @Message("Too many failed logins. Try again in {minutes} min.") String login_locked(long minutes);
    @Message("Log out") String logout();
    @Message("Log out everywhere") String logout_everywhere();
    @Message("End every session of your account, on every device?") String logout_everywhere_confirm();
    @Message("Русский") String other_language();
    @Message("ru") String other_language_code();
    @Message("My account") String account_title();

    @Message("Server") String section_SERVER();
    @Message("Administrators") String section_ADMINISTRATORS();
    @Message("Audit") String section_AUDIT();
    @Message("Monitoring") String section_MONITORING();
    @Message("Logs") String section_LOGS();
    @Message("DLP") String section_DLP();

    @Message("Read only") String access_READ();
    @Message("Read and write") String access_WRITE();
    @Message("Administrator") String role_ADMINISTRATOR();
    @Message("Limited administrator") String role_LIMITED();
    @Message("Security administrator") String role_SECURITY();
    @Message("No access") String access_none();

    @Message("Server id") String server_id();
    @Message("Role") String server_role();
    @Message("Host") String server_host();
    @Message("Version") String server_version();
    @Message("Started") String server_started();
    @Message("Uptime") String server_uptime();
    @Message("Trust TLS certificate") String cert_title();
    @Message("No certificate is set: the trust link uses a self-signed one.") String cert_none();
    @Message("Subject") String cert_subject();
    @Message("Issuer") String cert_issuer();
    @Message("Certificates in chain") String cert_chain();
    @Message("Expires") String cert_expires();
    @Message("days left") String cert_days_left();
    @Message("SHA-256 fingerprint") String cert_fingerprint();
    @Message("Private key") String cert_key();
    @Message("set") String secret_set();
    @Message("Updated") String cert_updated();
    @Message("Certificate chain (PEM, server certificate first)") String cert_pem();
    @Message("Private key (PEM, unencrypted; never shown again)") String cert_key_pem();
    @Message("Or upload files") String cert_upload();
    @Message("Save certificate") String cert_save();
    @Message("The trust certificate was saved.") String cert_saved();

    @Message("Login") String admins_username();
    @Message("Role") String admins_role();
    @Message("Sections") String admins_sections();
    @Message("Second factor") String admins_totp();
    @Message("Created") String admins_created();
    @Message("Actions") String admins_actions();
    @Message("Filter by login") String admins_filter();
    @Message("Filter") String filter();
    @Message("New administrator") String admins_new();
    @Message("Initial password") String admins_password();
    @Message("Create") String admins_create();
    @Message("Delete") String admins_delete();
    @Message("Delete administrator {name}?") String admins_delete_confirm(String name);
    @Message("Reset (new password)") String admins_reset();
    @Message("Reset {name}: new password, second factor removed, sessions ended?") String admins_reset_confirm(String name);
    @Message("Administrator {name} was created.") String admins_created_notice(String name);
    @Message("Administrator {name} was deleted.") String admins_deleted_notice(String name);
    @Message("Administrator {name} was reset.") String admins_reset_notice(String name);
    @Message("on") String on();
    @Message("off") String off();

    @Message("Category") String audit_category();
    @Message("All") String audit_all();
    @Message("Connections") String audit_CONNECTION();
    @Message("Administrator actions") String audit_ADMIN();
    @Message("Text (login, action, IP)") String audit_text();
    @Message("From") String audit_from();
    @Message("Until") String audit_until();
    @Message("Oldest first") String audit_oldest_first();
    @Message("No.") String audit_seq();
    @Message("Time (UTC)") String audit_at();
    @Message("Action") String audit_action();
    @Message("Who") String audit_actor();
    @Message("From where") String audit_ip();
    @Message("Target") String audit_target();
    @Message("Result") String audit_result();
    @Message("Details") String audit_details();
    @Message("Verify chain") String audit_verify();
    @Message("The audit chain is intact: {count} records checked.") String audit_intact(long count);
    @Message("The audit chain is broken at record {seq}: {problem}.") String audit_broken(long seq, String problem);
    @Message("Page {page} of {pages} ({total} records)") String page_of(int page, int pages, long total);
    @Message("Previous") String previous();
    @Message("Next") String next();
    @Message("No records.") String no_records();

    @Message("Key metrics of this server. The full set is at /q/metrics for Prometheus.") String monitoring_intro();
    @Message("Uptime") String metric_uptime();
    @Message("Heap used / max") String metric_heap();
    @Message("Process CPU") String metric_cpu();
    @Message("System CPU") String metric_systemCpu();
    @Message("Threads") String metric_threads();
    @Message("Open files") String metric_openFiles();
    @Message("HTTP requests served") String metric_httpRequests();
    @Message("Database requests waiting") String metric_databaseQueue();
    @Message("Metric") String metric_name();
    @Message("Value") String metric_value();
    @Message("Prometheus name") String metric_prometheus();
    @Message("Refresh") String refresh();

    @Message("Recent log lines of this process, newest last.") String logs_intro();
    @Message("The Logs section is switched off (stratum.admin.logs.enabled=false).") String logs_off();
    @Message("Minimum level") String logs_level();
    @Message("Contains") String logs_text();

    @Message("Change password") String account_password();
    @Message("Current password") String account_current();
    @Message("New password") String account_new();
    @Message("Your password was changed; your other sessions were ended.") String account_password_changed();
    @Message("Second factor (TOTP)") String account_totp();
    @Message("The second factor is on.") String account_totp_on();
    @Message("The second factor is off.") String account_totp_off();
    @Message("Set up") String account_totp_start();
    @Message("Add this secret to your authenticator app (it is shown only now), then enter the current code.") String account_totp_secret();
    @Message("Code") String account_totp_code();
    @Message("Turn on") String account_totp_confirm();
    @Message("Turn off") String account_totp_disable();
    @Message("The second factor is now on.") String account_totp_enabled();
    @Message("The second factor is now off.") String account_totp_disabled();
    @Message("Your rights") String account_rights();
    @Message("You have no section of the console yet; ask an administrator.") String account_no_sections();
}
