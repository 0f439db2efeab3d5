package io.stratum.rts.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.core.account.RegistrationSettings;
import io.stratum.core.runtime.RuntimeSettings;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.SmsProviderTestResource;
import io.stratum.testsupport.TestPolling;
import io.stratum.testsupport.TestSmsProvider;
import io.stratum.testsupport.TestSql;
import io.vertx.core.json.JsonObject;

/** Registration and login by phone number on an RTS, with codes delivered through an SMS provider's HTTP API. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SmsProviderTestResource.class)
class PhoneLoginIT {
    @Inject
    RuntimeSettings settings;

    @Test
    void shouldRegisterByPhoneWithTheCodeFromTheSms() {
        String phone = freshNumber();
        given().contentType(ContentType.JSON).body(Map.of("phone", spaced(phone))).post("/api/v1/auth/phone/code").then().statusCode(202)
                .body("phone", equalTo(phone));
        String code = TestSmsProvider.awaitCode(phone, 1, Duration.ofSeconds(20));
        JsonObject sms = TestSmsProvider.messagesTo(phone).get(0);
        assertEquals("Stratum", sms.getString("from"));

        JsonPath login = login(phone, code).then().statusCode(200).extract().jsonPath();
        assertTrue(login.getString("address").endsWith("@rts-test"));
        given().auth().oauth2(login.getString("access_token")).get("/api/v1/me").then().statusCode(200)
                .body("phone", equalTo(phone)).body("platform", equalTo("android"));
        // The audit record is written next to the login, not before its answer.
        TestPolling.await("the login in the audit log", Duration.ofSeconds(20), () -> 1L == (Long) TestSql.scalar(
                "SELECT count(*) FROM audit_log WHERE action = 'user.login' AND actor = ? AND result = 'SUCCESS'", phone));
    }

    @Test
    void shouldRefuseAWrongCodeAndBadNumbersClearly() {
        String phone = freshNumber();
        given().contentType(ContentType.JSON).body(Map.of("phone", phone)).post("/api/v1/auth/phone/code").then().statusCode(202);
        String code = TestSmsProvider.awaitCode(phone, 1, Duration.ofSeconds(20));
        login(phone, code.equals("000000") ? "111111" : "000000").then().statusCode(401).body("error.code", equalTo("code_invalid"));

        given().contentType(ContentType.JSON).body(Map.of("phone", "8 999 123")).post("/api/v1/auth/phone/code").then().statusCode(400)
                .body("error.code", equalTo("phone_invalid"));
        given().contentType(ContentType.JSON).body("{\"phone\": 7}").post("/api/v1/auth/phone/code").then().statusCode(400);
        login(phone, "12345").then().statusCode(400).body("error.code", equalTo("code_malformed"));
        login(code, phone).then().statusCode(400);
    }

    @Test
    void shouldAnswer503WhenTheProviderFailsAndKeepServing() {
        String phone = freshNumber();
        TestSmsProvider.failWith(500);
        try {
            given().contentType(ContentType.JSON).body(Map.of("phone", phone)).post("/api/v1/auth/phone/code").then().statusCode(503)
                    .body("error.code", equalTo("sms_unavailable"));
        } finally {
            TestSmsProvider.failWith(0);
        }
        given().get("/q/health/live").then().statusCode(200);
        String other = freshNumber();
        given().contentType(ContentType.JSON).body(Map.of("phone", other)).post("/api/v1/auth/phone/code").then().statusCode(202);
        TestSmsProvider.awaitCode(other, 1, Duration.ofSeconds(20));
    }

    @Test
    void shouldRefuseNewNumbersWhilePhoneRegistrationIsOff() throws Throwable {
        String phone = freshNumber();
        try {
            VertxContextSupport.subscribeAndAwait(() -> settings.set(RegistrationSettings.SETTING,
                    new RegistrationSettings(".+", false).validated(), "test"));
            given().contentType(ContentType.JSON).body(Map.of("phone", phone)).post("/api/v1/auth/phone/code").then().statusCode(403)
                    .body("error.code", equalTo("registration_closed"));
            assertEquals(0, TestSmsProvider.messagesTo(phone).size());
        } finally {
            VertxContextSupport.subscribeAndAwait(() -> settings.set(RegistrationSettings.SETTING, RegistrationSettings.SETTING.fallback(),
                    "test"));
        }
    }

    private static io.restassured.response.Response login(String phone, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("phone", phone, "code", code, "platform", "android"))
                .post("/api/v1/auth/phone/login");
    }

    private static String freshNumber() {
        return "+7999" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static String spaced(String phone) {
        return phone.substring(0, 2) + " (" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-" + phone.substring(8);
    }
}
