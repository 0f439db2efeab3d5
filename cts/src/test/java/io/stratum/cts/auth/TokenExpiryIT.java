package io.stratum.cts.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.stratum.testsupport.TestSql;
import io.vertx.core.json.JsonObject;

/** A device whose access token has run out: REST and WebSocket refuse it clearly, and the refresh token renews it. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class TokenExpiryIT {
    @Inject
    MailSettingsStore mailSettings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldAnswerTokenInvalidOverRestOnceTheAccessTokenExpired() {
        JsonPath login = MailboxLogin.logIn(fresh("olga"), "web");

        expire(login.getString("device_id"), "access");

        given().auth().oauth2(login.getString("access_token")).get("/api/v1/me").then().statusCode(401)
                .body("error.code", equalTo("token_invalid"));
    }

    @Test
    void shouldRefuseHelloWithAnExpiredTokenAndClose4401() {
        JsonPath login = MailboxLogin.logIn(fresh("pavel"), "desktop");
        expire(login.getString("device_id"), "access");

        try (TestDevice device = TestDevice.connect(RestAssured.port)) {
            int hello = device.send(new JsonObject().put("type", "hello").put("token", login.getString("access_token")));

            JsonObject error = device.await(frame -> "error".equals(frame.getString("type")));
            assertEquals("token_invalid", error.getString("code"));
            assertEquals(hello, error.getInteger("re"));
            assertEquals(4401, device.closeCode());
        }
    }

    @Test
    void shouldRenewAnExpiredAccessTokenWithTheRefreshTokenAndConnectAgain() {
        JsonPath login = MailboxLogin.logIn(fresh("raisa"), "android");
        expire(login.getString("device_id"), "access");

        String access = given().contentType(ContentType.JSON).body(Map.of("refresh_token", login.getString("refresh_token")))
                .post("/api/v1/auth/access-tokens").then().statusCode(200).body("device_id", equalTo(login.getString("device_id")))
                .extract().path("access_token");

        given().auth().oauth2(access).get("/api/v1/me").then().statusCode(200).body("device_id", equalTo(login.getString("device_id")));
        try (TestDevice device = TestDevice.online(RestAssured.port, access, new JsonObject())) {
            assertEquals("pong", device.call(new JsonObject().put("type", "ping")).getString("type"));
        }
    }

    @Test
    void shouldRefuseAnExpiredRefreshTokenSoTheUserLogsInAgain() {
        JsonPath login = MailboxLogin.logIn(fresh("semyon"), "ios");
        expire(login.getString("device_id"), "refresh");

        given().contentType(ContentType.JSON).body(Map.of("refresh_token", login.getString("refresh_token")))
                .post("/api/v1/auth/access-tokens").then().statusCode(401).body("error.code", equalTo("refresh_invalid"));
    }

    /** Time passes for one kind of the device's tokens. */
    private static void expire(String device, String kind) {
        assertEquals(1, TestSql.update("UPDATE device_token SET expires_at = now() - interval '1 second' WHERE device_id = ? AND kind = ?",
                UUID.fromString(device), kind));
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
    }
}
