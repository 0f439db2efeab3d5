package io.stratum.admin.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the tables' filters in English ({@code {tables:…}} in templates); Russian in
 * {@code messages/tables_ru.properties}. A bundle of its own because Quarkus 3.33 generates a broken
 * resolver (VerifyError at start) for a bundle of more than 300 messages (see {@link UserMessages}).
 */
@MessageBundle(value = "tables", locale = "en")
public interface TableMessages {
    @Message("Filter by id, name or host") String trusts_filter();
    @Message("All kinds") String any_kind();
    @Message("All states") String any_state();
}
