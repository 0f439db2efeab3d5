package io.stratum.cts.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.core.live.LocalSessions;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.cts.SmallLimits;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.stratum.testsupport.TestPolling;
import io.vertx.core.json.JsonObject;

/**
 * The WebSocket limits a client can run into: connections per IP address (every test connects from
 * 127.0.0.1) and sends per user over all the user's devices.
 */
@QuarkusTest
@TestProfile(SmallLimits.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class LiveLimitsIT {
    @Inject
    MailSettingsStore mailSettings;
    @Inject
    LocalSessions sessions;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    /** A test's connections count against the next test's limit until the server has seen them close. */
    @AfterEach
    void awaitAllClosed() {
        TestPolling.await("every session of the test to close", Duration.ofSeconds(20), () -> sessions.onlineUsers() == 0);
    }

    @Test
    void shouldClose4429TheConnectionOverTheLimitAndKeepTheOthersWorking() {
        String token = logIn("anton").getString("access_token");
        List<TestDevice> open = new ArrayList<>();
        try {
            for (int i = 0; i < SmallLimits.CONNECTIONS_PER_IP; i++) {
                open.add(TestDevice.online(RestAssured.port, token, new JsonObject()));
            }

            try (TestDevice extra = TestDevice.connect(RestAssured.port)) {
                assertEquals(4429, extra.closeCode());
            }

            for (TestDevice device : open) {
                assertEquals("pong", device.call(new JsonObject().put("type", "ping")).getString("type"));
            }
        } finally {
            open.forEach(TestDevice::close);
        }
    }

    @Test
    void shouldAdmitANewConnectionOnceAnOpenOneCloses() {
        String anna = logIn("anna").getString("access_token");
        String boris = logIn("boris").getString("access_token");
        try (TestDevice first = TestDevice.online(RestAssured.port, anna, new JsonObject());
                TestDevice second = TestDevice.online(RestAssured.port, anna, new JsonObject())) {
            TestDevice leaving = TestDevice.online(RestAssured.port, boris, new JsonObject());
            try (TestDevice refused = TestDevice.connect(RestAssured.port)) {
                assertEquals(4429, refused.closeCode());
            }

            leaving.close();
            TestPolling.await("Boris's connection to close", Duration.ofSeconds(20), () -> sessions.onlineUsers() == 1);

            try (TestDevice back = TestDevice.online(RestAssured.port, boris, new JsonObject())) {
                assertEquals("pong", back.call(new JsonObject().put("type", "ping")).getString("type"));
            }
        }
    }

    @Test
    void shouldLimitTheSendsOfAUserOverAllTheirDevices() throws InterruptedException {
        String email = fresh("vera");
        JsonPath phone = MailboxLogin.logIn(email, "android");
        Thread.sleep(2100); // the resend pause between two PINs for one address
        JsonPath laptop = MailboxLogin.logIn(email, "desktop");
        String chat = given().auth().oauth2(phone.getString("access_token")).contentType(ContentType.JSON)
                .body(Map.of("kind", "group", "name", "Notes", "members", List.of())).post("/api/v1/chats")
                .then().statusCode(201).extract().path("id");

        try (TestDevice onPhone = TestDevice.online(RestAssured.port, phone.getString("access_token"), new JsonObject());
                TestDevice onLaptop = TestDevice.online(RestAssured.port, laptop.getString("access_token"), new JsonObject())) {
            // Eight from each device: within one device's burst, above the user's.
            List<String> answers = new ArrayList<>();
            answers.addAll(sendMany(onPhone, chat, "p", 8));
            answers.addAll(sendMany(onLaptop, chat, "l", 8));

            long acked = answers.stream().filter("ack"::equals).count();
            long limited = answers.stream().filter("rate_limited"::equals).count();
            assertEquals(16, acked + limited, "every send is answered: " + answers);
            assertTrue(limited >= 1 && acked < 16, "the two devices share one budget: " + answers);
            assertTrue(acked >= SmallLimits.SEND_BURST, "the user's burst is served: " + answers);
        }
    }

    @Test
    void shouldCountRestSendsAgainstTheSameBudget() {
        String token = logIn("rita").getString("access_token");
        String chat = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "group", "name", "Notes", "members", List.of())).post("/api/v1/chats")
                .then().statusCode(201).extract().path("id");

        try (TestDevice device = TestDevice.online(RestAssured.port, token, new JsonObject())) {
            // The WebSocket spends the burst; REST is then refused, not a way around the limit.
            List<String> answers = sendMany(device, chat, "ws", SmallLimits.SEND_BURST);
            assertEquals(SmallLimits.SEND_BURST, answers.stream().filter("ack"::equals).count(), "the burst is served: " + answers);
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                JsonPath answer = given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("client_id", "rest-" + i, "body", "over REST")).post("/api/v1/chats/" + chat + "/messages")
                        .then().extract().jsonPath();
                rest.add(answer.getString("error.code") != null ? answer.getString("error.code") : "seq " + answer.getLong("seq"));
            }
            assertTrue(rest.contains("rate_limited"), "REST sends share the user's budget: " + rest);
        }
    }

    /** Pipelines the sends, then collects each one's answer: {@code ack} or the error code. */
    private static List<String> sendMany(TestDevice device, String chat, String prefix, int count) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(device.send(new JsonObject().put("type", "send").put("chat", chat).put("client_id", prefix + "-" + i)
                    .put("body", "note " + i)));
        }
        List<String> answers = new ArrayList<>();
        for (Integer id : ids) {
            JsonObject answer = device.await(frame -> id.equals(frame.getInteger("re")));
            answers.add("ack".equals(answer.getString("type")) ? "ack" : answer.getString("code"));
        }
        return answers;
    }

    private static JsonPath logIn(String name) {
        return MailboxLogin.logIn(fresh(name), "desktop");
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
    }
}
