package io.stratum.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

import io.stratum.common.settings.Settings;
import io.stratum.testsupport.TestSmtp;
import io.vertx.core.json.JsonObject;

/** Mail settings of an installation under test. */
final class InstallationMail {
    private InstallationMail() {
    }

    /** Points the installation's SMTP setting at the test mail server, as an administrator would in the console. */
    static void useTestMailServer(Settings settings) throws Exception {
        String json = new JsonObject().put("from", "stratum@corp.example").put("host", "127.0.0.1").put("port", TestSmtp.port())
                .put("user", "").putNull("passwordSealed").put("security", "NONE").encode();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.postgresUser(), settings.postgresPassword());
                PreparedStatement insert = connection.prepareStatement("INSERT INTO runtime_setting (name, value, version, changed_by) "
                        + "VALUES ('mail.smtp', ?::jsonb, 1, 'test') ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value")) {
            insert.setString(1, json);
            insert.executeUpdate();
        }
    }
}
