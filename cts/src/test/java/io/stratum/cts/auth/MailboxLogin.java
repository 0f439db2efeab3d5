package io.stratum.cts.auth;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.core.mail.MailSecurity;
import io.stratum.core.mail.MailSettings;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.testsupport.TestSmtp;

/** Logs a chat user in the way a person does: ask for a PIN, read it from the mailbox, enter it. */
public final class MailboxLogin {
    private MailboxLogin() {
    }

    /** Points the server's SMTP settings at the test mail server. */
    public static void useTestMailServer(MailSettingsStore store) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> store.save(new MailSettings("stratum@corp.example", "127.0.0.1", TestSmtp.port(), "",
                Optional.empty(), MailSecurity.NONE), "test"));
    }

    /** Requests a PIN, reads it from the mailbox and logs in; returns the login result. */
    public static JsonPath logIn(String email, String platform) {
        int before = TestSmtp.messagesTo(email).size();
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code").then().statusCode(202);
        String pin = TestSmtp.awaitPin(email, before + 1, Duration.ofSeconds(20));
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "code", pin, "platform", platform, "app_version", "test", "device_name", "test device"))
                .post("/api/v1/auth/email/login").then().statusCode(200).extract().jsonPath();
    }
}
