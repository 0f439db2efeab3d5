package io.stratum.cts.chat;

import static io.restassured.RestAssured.given;
import static io.stratum.cts.chat.TestChats.createChat;
import static io.stratum.cts.chat.TestChats.online;
import static io.stratum.cts.chat.TestChats.send;
import static io.stratum.cts.chat.TestChats.user;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
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
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.cts.chat.TestChats.User;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.stratum.testsupport.TestSql;
import io.vertx.core.json.JsonObject;

/** Chats and messages between devices connected over the WebSocket, with PostgreSQL and Kafka underneath. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class MessagingIT {
    @Inject
    MailSettingsStore mailSettings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldDeliverAStoredMessageToTheOtherMember() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        try (TestDevice aliceDevice = online(alice); TestDevice bobDevice = online(bob)) {
            JsonObject ack = aliceDevice.call(send(chat, "m-1", "Привет, Боб! 👋"));

            assertEquals("ack", ack.getString("type"), ack.encode());
            assertEquals(2, ack.getLong("seq"), "seq 1 is the chat's creation");
            assertFalse(ack.getBoolean("duplicate"));
            assertEquals(1L, TestSql.scalar("SELECT count(*) FROM chat_event WHERE chat_id = ?::uuid AND kind = 'message'", chat));
            JsonObject received = bobDevice.await(frame -> "message".equals(frame.getString("kind")));
            assertEquals("Привет, Боб! 👋", received.getString("body"));
            assertEquals(alice.huid(), received.getString("author"));
            assertEquals(2, received.getLong("seq"));
            assertEquals("text/plain", received.getString("content_type"));
        }
    }

    @Test
    void shouldKeepOneMessageWhenAClientIdIsSentAgain() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        try (TestDevice device = online(alice)) {
            JsonObject first = device.call(send(chat, "same-id", "once"));
            JsonObject second = device.call(send(chat, "same-id", "once"));

            assertEquals(first.getLong("seq"), second.getLong("seq"));
            assertTrue(second.getBoolean("duplicate"));
            assertEquals(1L, TestSql.scalar("SELECT count(*) FROM chat_event WHERE chat_id = ?::uuid AND kind = 'message'", chat));
        }
    }

    @Test
    void shouldGiveAReconnectingDeviceExactlyWhatItMissedInOrder() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        long held;
        try (TestDevice bobDevice = online(bob)) {
            bobDevice.await(frame -> "created".equals(frame.getString("kind")));
            held = 1;
        }
        try (TestDevice aliceDevice = online(alice)) {
            for (int i = 1; i <= 5; i++) {
                aliceDevice.call(send(chat, "offline-" + i, "missed " + i));
            }
        }
        try (TestDevice bobDevice = online(bob, new JsonObject().put(chat, held))) {
            List<JsonObject> events = bobDevice.events(chat, Duration.ofMillis(300));
            assertEquals(List.of(2L, 3L, 4L, 5L, 6L), events.stream().map(e -> e.getLong("seq")).toList(), events.toString());
            assertEquals("missed 1", events.get(0).getString("body"));
            try (TestDevice aliceDevice = online(alice, new JsonObject().put(chat, 6))) {
                aliceDevice.call(send(chat, "live-1", "live"));
            }
            JsonObject live = bobDevice.await(frame -> "live".equals(frame.getString("body")));
            assertEquals(7, live.getLong("seq"));
        }
    }

    @Test
    void shouldDeliverToEveryDeviceOfTheRecipient() {
        User alice = user("alice");
        User bob = user("bob");
        JsonPath secondLogin = secondDevice(bob);
        String chat = createChat(alice, "personal", null, bob);
        try (TestDevice phone = online(bob); TestDevice laptop = online(new User(bob.huid(), secondLogin.getString("access_token")));
                TestDevice aliceDevice = online(alice)) {
            aliceDevice.call(send(chat, "both", "to both devices"));

            assertEquals("to both devices", phone.await(frame -> "message".equals(frame.getString("kind"))).getString("body"));
            assertEquals("to both devices", laptop.await(frame -> "message".equals(frame.getString("kind"))).getString("body"));
        }
    }

    @Test
    void shouldManageGroupMembersAndStopDeliveringToARemovedMember() {
        User owner = user("olga");
        User pavel = user("pavel");
        User rita = user("rita");
        User sergey = user("sergey");
        String chat = createChat(owner, "group", "Project Falcon", pavel, rita);
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("members", List.of(sergey.huid())))
                .post("/api/v1/chats/" + chat + "/members").then().statusCode(200).body("kind", equalTo("members_added"));
        try (TestDevice ritaDevice = online(rita); TestDevice sergeyDevice = online(sergey); TestDevice ownerDevice = online(owner)) {
            given().auth().oauth2(owner.token()).delete("/api/v1/chats/" + chat + "/members/" + rita.huid()).then().statusCode(200);
            ritaDevice.await(frame -> "member_removed".equals(frame.getString("kind")));
            ownerDevice.call(send(chat, "after-removal", "rita does not see this"));

            assertEquals("rita does not see this", sergeyDevice.await(frame -> "message".equals(frame.getString("kind"))).getString("body"));
            assertTrue(ritaDevice.events(chat, Duration.ofMillis(500)).stream()
                            .noneMatch(e -> "message".equals(e.getString("kind")) || "member_removed".equals(e.getString("kind"))),
                    "the removed member gets the removal once, and nothing after it");
            JsonObject refused = ritaDevice.call(send(chat, "rita-1", "let me in"));
            assertEquals("no_such_chat", refused.getString("code"));
            given().auth().oauth2(pavel.token()).delete("/api/v1/chats/" + chat + "/members/" + sergey.huid()).then().statusCode(403)
                    .body("error.code", equalTo("not_admin"));
            given().auth().oauth2(rita.token()).get("/api/v1/chats/" + chat + "/events").then().statusCode(404)
                    .body("error.code", equalTo("no_such_chat"));
        }
    }

    @Test
    void shouldLetOnlyAdminsPostInAChannel() {
        User admin = user("anna");
        User reader = user("boris");
        String chat = createChat(admin, "channel", "News", reader);
        try (TestDevice readerDevice = online(reader); TestDevice adminDevice = online(admin)) {
            assertEquals("ack", adminDevice.call(send(chat, "news-1", "Release today")).getString("type"));
            assertEquals("channel_read_only", readerDevice.call(send(chat, "r-1", "me too")).getString("code"));
        }
    }

    @Test
    void shouldEditAndDeleteForEveryone() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        try (TestDevice aliceDevice = online(alice); TestDevice bobDevice = online(bob)) {
            long seq = aliceDevice.call(send(chat, "e-1", "helo")).getLong("seq");
            aliceDevice.call(new JsonObject().put("type", "edit").put("chat", chat).put("seq", seq).put("client_id", "e-2").put("body", "hello"));
            assertEquals("not_author", bobDevice.call(new JsonObject().put("type", "delete").put("chat", chat).put("seq", seq)
                    .put("client_id", "b-1")).getString("code"));
            aliceDevice.call(new JsonObject().put("type", "delete").put("chat", chat).put("seq", seq).put("client_id", "e-3"));

            bobDevice.await(frame -> "edit".equals(frame.getString("kind")) && "hello".equals(frame.getString("body")));
            bobDevice.await(frame -> "delete".equals(frame.getString("kind")) && frame.getLong("target_seq") == seq);
            JsonPath history = given().auth().oauth2(bob.token()).get("/api/v1/chats/" + chat + "/events").then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Object> original = history.getMap("events.find { it.seq == " + seq + " }");
            assertNull(original.get("body"), "a deleted message keeps no body");
            assertEquals(Boolean.TRUE, ((Map<?, ?>) original.get("meta")).get("deleted"));
            assertEquals("message_deleted", aliceDevice.call(new JsonObject().put("type", "edit").put("chat", chat).put("seq", seq)
                    .put("client_id", "e-4").put("body", "again")).getString("code"));
        }
    }

    @Test
    void shouldSignalReceiptsAndTyping() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        try (TestDevice aliceDevice = online(alice); TestDevice bobDevice = online(bob)) {
            long seq = aliceDevice.call(send(chat, "r-1", "read me")).getLong("seq");
            bobDevice.send(new JsonObject().put("type", "typing").put("chat", chat));
            aliceDevice.await(frame -> "typing".equals(frame.getString("type")) && bob.huid().equals(frame.getString("member")));
            JsonObject ack = bobDevice.call(new JsonObject().put("type", "read").put("chat", chat).put("seq", seq));
            assertEquals(seq, ack.getLong("read_seq"));

            JsonObject receipt = aliceDevice.await(frame -> "receipt".equals(frame.getString("type")) && frame.containsKey("read_seq"));
            assertEquals(bob.huid(), receipt.getString("member"));
            assertEquals(seq, receipt.getLong("read_seq"));
            given().auth().oauth2(alice.token()).get("/api/v1/chats/" + chat).then().statusCode(200)
                    .body("members.find { it.huid == '" + bob.huid() + "' }.read_seq", equalTo((int) seq));
        }
    }

    @Test
    void shouldPageHistoryBackwardAndForward() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        for (int i = 1; i <= 12; i++) {
            given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("client_id", "h-" + i, "body", "n" + i))
                    .post("/api/v1/chats/" + chat + "/messages").then().statusCode(200).body("seq", equalTo(i + 1));
        }
        List<Integer> lastFive = given().auth().oauth2(bob.token()).queryParam("before", 14).queryParam("limit", 5)
                .get("/api/v1/chats/" + chat + "/events").then().statusCode(200).extract().jsonPath().getList("events.seq");
        assertEquals(List.of(9, 10, 11, 12, 13), lastFive);
        List<Integer> firstThree = given().auth().oauth2(bob.token()).queryParam("after", 0).queryParam("limit", 3)
                .get("/api/v1/chats/" + chat + "/events").then().statusCode(200).extract().jsonPath().getList("events.seq");
        assertEquals(List.of(1, 2, 3), firstThree);
    }

    @Test
    void shouldAnswerBadFramesAndStayConnected() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        try (TestDevice early = TestDevice.connect(RestAssured.port)) {
            assertEquals("hello_required", early.call(new JsonObject().put("type", "send")).getString("code"));
        }
        try (TestDevice device = online(alice); TestDevice bystander = online(bob)) {
            device.raw("{this is not json");
            assertEquals("malformed_json", device.await(frame -> "error".equals(frame.getString("type"))).getString("code"));
            assertEquals("unknown_type", device.call(new JsonObject().put("type", "teleport")).getString("code"));
            assertEquals("invalid_field", device.call(new JsonObject().put("type", "send").put("chat", "../../etc/passwd")
                    .put("client_id", "x").put("body", "x")).getString("code"));
            assertEquals("invalid_field", device.call(new JsonObject().put("type", "send").put("chat", chat)
                    .put("client_id", "'; DROP TABLE chat; --").put("body", "x")).getString("code"));
            assertEquals("no_such_chat", device.call(send(UUID.randomUUID().toString(), "c-1", "anyone?")).getString("code"));
            assertEquals("body_too_large", device.call(send(chat, "big", "x".repeat(65_537))).getString("code"));
            assertEquals("pong", device.call(new JsonObject().put("type", "ping")).getString("type"));

            try (TestDevice huge = online(alice)) {
                huge.raw("{\"type\":\"send\",\"body\":\"" + "x".repeat(200_000) + "\"}");
                assertEquals(1009, huge.closeCode(), "an oversized frame closes only that connection");
            }
            assertEquals("ack", device.call(send(chat, "after-all", "still here")).getString("type"));
            assertEquals("still here", bystander.await(frame -> "still here".equals(frame.getString("body"))).getString("body"));
        }
    }

    @Test
    void shouldRefuseABadTokenAndLimitTheSendRate() {
        try (TestDevice stranger = TestDevice.connect(RestAssured.port)) {
            stranger.send(new JsonObject().put("type", "hello").put("token", "stm_forged"));
            assertEquals("token_invalid", stranger.await(frame -> "error".equals(frame.getString("type"))).getString("code"));
            assertEquals(4401, stranger.closeCode());
        }
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        try (TestDevice device = online(alice)) {
            for (int i = 0; i < 60; i++) {
                device.send(send(chat, "burst-" + i, "burst " + i));
            }
            JsonObject limited = device.await(frame -> "rate_limited".equals(frame.getString("code")));
            assertEquals("error", limited.getString("type"));
            assertEquals("pong", device.call(new JsonObject().put("type", "ping")).getString("type"));
        }
    }

    @Test
    void shouldTellContactsWhoComesOnlineAndGoesOffline() {
        User alice = user("alice");
        User bob = user("bob");
        User stranger = user("stranger");
        createChat(alice, "personal", null, bob);
        try (TestDevice aliceDevice = online(alice)) {
            try (TestDevice bobDevice = online(bob)) {
                aliceDevice.await(frame -> "presence".equals(frame.getString("type")) && bob.huid().equals(frame.getString("member"))
                        && frame.getBoolean("online"));
                given().auth().oauth2(alice.token()).queryParam("user", bob.huid()).get("/api/v1/presence").then().statusCode(200)
                        .body("users[0].online", equalTo(true));
            }
            aliceDevice.await(frame -> "presence".equals(frame.getString("type")) && bob.huid().equals(frame.getString("member"))
                    && !frame.getBoolean("online"));
            given().auth().oauth2(alice.token()).queryParam("user", bob.huid()).get("/api/v1/presence").then().statusCode(200)
                    .body("users[0].online", equalTo(false)).body("users[0].last_seen", org.hamcrest.Matchers.notNullValue());
            given().auth().oauth2(stranger.token()).queryParam("user", bob.huid()).get("/api/v1/presence").then().statusCode(200)
                    .body("users.size()", equalTo(0));
        }
    }

    @Test
    void shouldCountOnlineUsersDevicesAndMessagesInTheMetrics() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        try (TestDevice device = online(alice)) {
            device.call(send(chat, "metric-1", "count me"));
            io.stratum.testsupport.TestPolling.await("the usage metrics to count the message", Duration.ofSeconds(20), () -> {
                String metrics = metrics();
                return value(metrics, "messages_count") >= 1 && value(metrics, "desktop_users") >= 2
                        && value(metrics, "online_users") >= 1 && value(metrics, "pg_database_size") > 1_000_000;
            });
        }
    }

    @Test
    void shouldCountRegisteredActiveAndPerCompanyUsers() {
        User alice = user("alice");
        User bob = user("bob");
        String company = "Acme " + UUID.randomUUID().toString().substring(0, 6);
        io.stratum.testsupport.TestSql.update("UPDATE chat_user SET company = ? WHERE huid IN (?, ?)", company,
                UUID.fromString(alice.huid()), UUID.fromString(bob.huid()));
        io.stratum.testsupport.TestSql.update("UPDATE chat_user SET status = 'blocked' WHERE huid = ?", UUID.fromString(bob.huid()));

        io.stratum.testsupport.TestPolling.await("users_count of the new company", Duration.ofSeconds(20),
                () -> value(metrics(), "users_count{company=\"" + company + "\"") == 1);
        String metrics = metrics();
        assertTrue(value(metrics, "total_users") >= 2, "both users are registered");
        assertTrue(value(metrics, "total_users") - value(metrics, "active_users") >= 1, "the blocked user is not active");
    }

    private static String metrics() {
        return given().auth().preemptive().basic("prometheus", io.stratum.testsupport.RoleServerContract.METRICS_PASSWORD)
                .get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{")
                        || name.contains("{") && line.startsWith(name) && ",} ".indexOf(line.charAt(name.length())) >= 0)
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private static JsonPath secondDevice(User user) {
        String email = (String) TestSql.scalar("SELECT email FROM chat_user WHERE huid = ?::uuid", user.huid());
        try {
            Thread.sleep(2100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return MailboxLogin.logIn(email, "android");
    }
}
