package io.stratum.cts.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.core.account.RegistrationSettings;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.core.runtime.RuntimeSettings;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.stratum.testsupport.TestPolling;
import io.stratum.testsupport.TestSmtp;
import io.stratum.testsupport.TestSql;
import io.vertx.core.json.JsonObject;

/** Login by e-mail PIN against a real SMTP server: the whole life of a code and of a device's tokens. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class EmailLoginIT {
    @Inject
    MailSettingsStore mailSettings;
    @Inject
    RuntimeSettings settings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldLogInWithThePinFromTheMailboxAndUseTheToken() {
        String email = fresh("anna");
        JsonPath login = MailboxLogin.logIn(email, "desktop");

        String huid = login.getString("huid");
        assertEquals(huid + "@cts-test", login.getString("address"));
        assertTrue(login.getString("access_token").startsWith("stm_"));
        given().auth().oauth2(login.getString("access_token")).get("/api/v1/me").then().statusCode(200)
                .body("huid", equalTo(huid)).body("email", equalTo(email)).body("platform", equalTo("desktop"));
        String mail = com.icegreen.greenmail.util.GreenMailUtil.getBody(TestSmtp.messagesTo(email).get(0));
        assertTrue(mail.contains("valid for 10 minutes"), mail);
    }

    @Test
    void shouldGiveTheSameUserToASecondDeviceAndKeepBothSessions() {
        String email = fresh("boris");
        JsonPath phone = MailboxLogin.logIn(email, "android");
        waitForResend();
        JsonPath laptop = MailboxLogin.logIn(email, "web");

        assertEquals(phone.getString("huid"), laptop.getString("huid"));
        assertFalse(phone.getString("device_id").equals(laptop.getString("device_id")));
        given().auth().oauth2(phone.getString("access_token")).get("/api/v1/me").then().statusCode(200).body("platform", equalTo("android"));
        given().auth().oauth2(laptop.getString("access_token")).get("/api/v1/me").then().statusCode(200).body("platform", equalTo("web"));
    }

    @Test
    void shouldCountWrongPinsAndVoidTheCodeAtTheLimit() {
        String email = fresh("clara");
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code").then().statusCode(202);
        String pin = TestSmtp.awaitPin(email, 1, Duration.ofSeconds(20));
        String wrong = pin.equals("000000") ? "111111" : "000000";

        for (int left = 4; left >= 1; left--) {
            login(email, wrong).then().statusCode(401).body("error.code", equalTo("code_invalid")).body("error.attempts_left", equalTo(left));
        }
        login(email, wrong).then().statusCode(429).body("error.code", equalTo("code_attempts_exhausted"));
        login(email, pin).then().statusCode(429).body("error.code", equalTo("code_attempts_exhausted"));
    }

    @Test
    void shouldRefuseAnExpiredPin() {
        String email = fresh("dmitry");
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code").then().statusCode(202);
        String pin = TestSmtp.awaitPin(email, 1, Duration.ofSeconds(20));
        TestSql.update("UPDATE one_time_code SET expires_at = now() - interval '1 second' WHERE address = ?", email);

        login(email, pin).then().statusCode(410).body("error.code", equalTo("code_expired"));
    }

    @Test
    void shouldRateLimitCodesPerAddress() {
        String email = fresh("elena");
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code").then().statusCode(429)
                .body("error.code", equalTo("too_many_codes")).body("error.retry_after", greaterThan(0));
        // Three codes an hour (the test setting): two more after the resend pause, then refused.
        for (int i = 0; i < 2; i++) {
            TestSql.update("UPDATE one_time_code SET created_at = created_at - interval '1 minute' WHERE address = ?", email);
            given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code").then().statusCode(202);
        }
        TestSql.update("UPDATE one_time_code SET created_at = created_at - interval '1 minute' WHERE address = ?", email);
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code").then().statusCode(429)
                .body("error.message", startsWith("too many codes for this address"));
        assertEquals(3, TestSmtp.messagesTo(email).size());
    }

    @Test
    void shouldRefuseRegistrationOutsideTheMaskButLetExistingUsersIn() throws Throwable {
        String insider = fresh("fedor");
        MailboxLogin.logIn(insider, "ios");
        try {
            VertxContextSupport.subscribeAndAwait(() -> settings.set(RegistrationSettings.SETTING,
                    new RegistrationSettings("^.*@corp\\.example$", false).validated(), "test"));
            given().contentType(ContentType.JSON).body(Map.of("email", "stranger-" + UUID.randomUUID() + "@gmail.com"))
                    .post("/api/v1/auth/email/code").then().statusCode(403).body("error.code", equalTo("registration_closed"));
            waitForResend();
            MailboxLogin.logIn(insider, "ios");
        } finally {
            VertxContextSupport.subscribeAndAwait(() -> settings.set(RegistrationSettings.SETTING, RegistrationSettings.SETTING.fallback(), "test"));
        }
    }

    @Test
    void shouldRotateTokensOnRefreshAndEndThemOnLogout() {
        JsonPath login = MailboxLogin.logIn(fresh("galina"), "web");
        String refresh = login.getString("refresh_token");

        JsonPath renewed = given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh)).post("/api/v1/auth/access-tokens")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(login.getString("device_id"), renewed.getString("device_id"));
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh)).post("/api/v1/auth/access-tokens")
                .then().statusCode(401).body("error.code", equalTo("refresh_invalid"));
        given().auth().oauth2(login.getString("access_token")).get("/api/v1/me").then().statusCode(401)
                .body("error.code", equalTo("token_invalid"));

        String access = renewed.getString("access_token");
        given().auth().oauth2(access).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(access).post("/api/v1/auth/logout").then().statusCode(204);
        given().auth().oauth2(access).get("/api/v1/me").then().statusCode(401).body("error.code", equalTo("token_invalid"));
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", renewed.getString("refresh_token")))
                .post("/api/v1/auth/access-tokens").then().statusCode(401);
    }

    @Test
    void shouldAnswerBadInputWithClearErrors() {
        given().contentType(ContentType.JSON).body("{not json").post("/api/v1/auth/email/code").then().statusCode(400)
                .body("error.code", equalTo("malformed_json"));
        given().contentType(ContentType.JSON).body(Map.of("email", "no-at-sign")).post("/api/v1/auth/email/code").then().statusCode(400)
                .body("error.code", equalTo("email_invalid"));
        given().contentType(ContentType.JSON).body(Map.of("email", "x@corp.example", "code", "12ab56", "platform", "web"))
                .post("/api/v1/auth/email/login").then().statusCode(400).body("error.code", equalTo("code_malformed"));
        given().contentType(ContentType.JSON).body(Map.of("email", "x@corp.example", "code", "123456", "platform", "toaster"))
                .post("/api/v1/auth/email/login").then().statusCode(400).body("error.code", equalTo("platform_invalid"));
        given().contentType(ContentType.JSON).body(Map.of("email", fresh("nobody"), "code", "123456", "platform", "web"))
                .post("/api/v1/auth/email/login").then().statusCode(400).body("error.code", equalTo("code_missing"));
        given().contentType(ContentType.JSON).body(Map.of("phone", "+79991234567")).post("/api/v1/auth/phone/code").then().statusCode(403)
                .body("error.code", equalTo("phone_login_unavailable"));
        given().get("/api/v1/me").then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().auth().oauth2("stm_forged").get("/api/v1/me").then().statusCode(401).body("error.code", equalTo("token_invalid"));
    }

    @Test
    void shouldCloseTheOpenWebSocketOfADeviceThatLogsOut() {
        JsonPath login = MailboxLogin.logIn(fresh("ivan"), "desktop");
        String access = login.getString("access_token");
        try (TestDevice device = TestDevice.online(RestAssured.port, access, new JsonObject())) {
            given().auth().oauth2(access).post("/api/v1/auth/logout").then().statusCode(204);

            TestPolling.await("the logged-out device's WebSocket to close", Duration.ofSeconds(20), device::isClosed);
            assertEquals(4401, device.closeCode());
        }
    }

    @Test
    void shouldAuditLoginsFailuresRefreshesAndLogouts() {
        String email = fresh("kira");
        JsonPath login = MailboxLogin.logIn(email, "web");
        String device = login.getString("device_id");
        waitForResend();
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code").then().statusCode(202);
        String pin = TestSmtp.awaitPin(email, 2, Duration.ofSeconds(20));
        login(email, pin.equals("000000") ? "111111" : "000000").then().statusCode(401);
        String access = given().contentType(ContentType.JSON).body(Map.of("refresh_token", login.getString("refresh_token")))
                .post("/api/v1/auth/access-tokens").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(access).post("/api/v1/auth/logout").then().statusCode(204);

        TestPolling.await("the audit records of the session", Duration.ofSeconds(20), () -> audited("user.logout", "", device) == 1
                && (Long) TestSql.scalar("SELECT count(*) FROM audit_log WHERE action = 'user.login' AND actor = ?", email) == 2);
        assertEquals(1, audited("user.login", "SUCCESS", device));
        assertEquals(1, audited("user.device_registered", "SUCCESS", device));
        assertEquals(1, audited("user.token_refreshed", "SUCCESS", device));
        assertEquals(1L, TestSql.scalar("SELECT count(*) FROM audit_log WHERE action = 'user.login' AND actor = ? AND result = 'FAILURE'"
                + " AND details LIKE '%code_invalid%'", email), () -> "the wrong PIN is audited with its reason; the user's records: "
                + TestSql.scalar("SELECT string_agg(action || ' ' || result || ' ' || details, '; ') FROM audit_log WHERE actor = ?", email));
        assertEquals(0L, TestSql.scalar("SELECT count(*) FROM audit_log WHERE (actor = ? AND details LIKE ?) OR details LIKE ?", email,
                "%" + pin + "%", "%" + access + "%"), "no code or token in the audit log");
    }

    private static long audited(String action, String result, String device) {
        return (Long) TestSql.scalar("SELECT count(*) FROM audit_log WHERE action = ? AND device = ? AND (? = '' OR result = ?)",
                action, device, result, result);
    }

    private static io.restassured.response.Response login(String email, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "code", code, "platform", "web"))
                .post("/api/v1/auth/email/login");
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
    }

    private static void waitForResend() {
        try {
            Thread.sleep(2100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
