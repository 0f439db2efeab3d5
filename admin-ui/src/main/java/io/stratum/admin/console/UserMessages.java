package io.stratum.admin.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The Users section's texts in English ({@code {users:…}} in templates); Russian in
 * {@code messages/users_ru.properties}. A bundle of its own because Quarkus 3.33 generates a broken
 * resolver (VerifyError at start) for a bundle of more than 300 messages, and {@link ConsoleMessages}
 * had reached 300.
 */
@MessageBundle(value = "users", locale = "en")
public interface UserMessages {
    @Message("Search by e-mail, phone, name, company or department") String search();
    @Message("{total} users") String total(long total);
    @Message("E-mail / phone") String contact();
    @Message("Status") String status();
    @Message("Last seen") String last_seen();
    @Message("never") String never();
    @Message("Devices") String devices();
    @Message("Platform") String platform();
    @Message("App") String app();
    @Message("Logged in") String logged_in();
    @Message("logged out {at}") String logged_out(java.time.Instant at);
    @Message("Block") String block();
    @Message("Unblock") String unblock();
    @Message("End all sessions") String end_sessions();
    @Message("Block {name}? Every device is logged out at once.") String block_confirm(String name);
    @Message("Log every device of {name} out?") String end_confirm(String name);
    @Message("{name} is blocked; every device was logged out.") String blocked(String name);
    @Message("{name} is unblocked and may log in again.") String unblocked(String name);
    @Message("{count} devices of {name} were logged out.") String ended(int count, String name);
    @Message("Delete") String delete();
    @Message("Delete {name}? Every device is logged out, the account is removed and cannot log in again; messages already sent stay in their chats.") String delete_confirm(String name);
    @Message("{name} was deleted: every device was logged out and the account removed.") String deleted(String name);
    @Message("Source") String source();
    @Message("corporate directory") String source_directory();
    @Message("e-mail registration") String source_email();
    @Message("phone registration") String source_phone();
    @Message("disabled in the corporate directory") String disabled_by_directory();
    @Message("Corporate directory") String directory();
    @Message("Directory login") String directory_login();
    @Message("Directory ID of the person") String directory_id();
}
