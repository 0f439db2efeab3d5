package io.stratum.rts.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.core.account.RegistrationSettings;
import io.stratum.core.mail.MailSecurity;
import io.stratum.core.mail.MailSettings;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.core.runtime.RuntimeSettings;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.SmsProviderTestResource;
import io.stratum.testsupport.TestSmtp;

/** On an RTS the e-mail PIN is the alternative to the SMS code: same flow as on a CTS, against a real SMTP server. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SmsProviderTestResource.class)
class EmailLoginIT {
    @Inject
    MailSettingsStore mailSettings;
    @Inject
    RuntimeSettings settings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> mailSettings.save(new MailSettings("stratum@rts.example", "127.0.0.1", TestSmtp.port(),
                "", Optional.empty(), MailSecurity.NONE), "test"));
    }

    @Test
    void shouldRegisterByEmailWithThePinFromTheMailbox() {
        String email = fresh("marta");

        JsonPath login = logIn(email);

        assertTrue(login.getString("address").endsWith("@rts-test"), login.prettify());
        given().auth().oauth2(login.getString("access_token")).get("/api/v1/me").then().statusCode(200)
                .body("email", equalTo(email)).body("platform", equalTo("ios"));
    }

    @Test
    void shouldLogInByEmailWhilePhoneRegistrationIsOff() throws Throwable {
        String email = fresh("nikita");
        try {
            VertxContextSupport.subscribeAndAwait(() -> settings.set(RegistrationSettings.SETTING,
                    new RegistrationSettings(".+", false).validated(), "test"));

            JsonPath login = logIn(email);

            given().auth().oauth2(login.getString("access_token")).get("/api/v1/me").then().statusCode(200).body("email", equalTo(email));
        } finally {
            VertxContextSupport.subscribeAndAwait(() -> settings.set(RegistrationSettings.SETTING, RegistrationSettings.SETTING.fallback(),
                    "test"));
        }
    }

    @Test
    void shouldRefuseAWrongPinOnTheRts() {
        String email = fresh("oleg");
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code").then().statusCode(202);
        String pin = TestSmtp.awaitPin(email, 1, Duration.ofSeconds(20));

        given().contentType(ContentType.JSON).body(Map.of("email", email, "code", pin.equals("000000") ? "111111" : "000000",
                "platform", "ios")).post("/api/v1/auth/email/login").then().statusCode(401).body("error.code", equalTo("code_invalid"));
    }

    private static JsonPath logIn(String email) {
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code").then().statusCode(202);
        String pin = TestSmtp.awaitPin(email, 1, Duration.ofSeconds(20));
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "code", pin, "platform", "ios", "app_version", "test"))
                .post("/api/v1/auth/email/login").then().statusCode(200).extract().jsonPath();
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.example";
    }
}
