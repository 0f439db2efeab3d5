package io.stratum.cts.chat;

import static io.restassured.RestAssured.given;
import static io.stratum.cts.chat.TestChats.createChat;
import static io.stratum.cts.chat.TestChats.online;
import static io.stratum.cts.chat.TestChats.send;
import static io.stratum.cts.chat.TestChats.user;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.cts.chat.TestChats.User;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.vertx.core.json.JsonObject;

/** Delivery receipts as the sender sees them, and bodies the server must pass on untouched. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class DeliveryAndContentIT {
    private static final String E2E = "application/x-stratum-e2e";

    @Inject
    MailSettingsStore mailSettings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldShowTheSenderThatTheMessageWasDelivered() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        try (TestDevice aliceDevice = online(alice); TestDevice bobDevice = online(bob)) {
            long seq = aliceDevice.call(send(chat, "d-1", "did you get this?")).getLong("seq");
            bobDevice.await(frame -> "d-1".equals(frame.getString("client_id")));

            JsonObject ack = bobDevice.call(new JsonObject().put("type", "delivered").put("chat", chat).put("seq", seq));

            assertEquals(seq, ack.getLong("delivered_seq"), ack.encode());
            JsonObject receipt = aliceDevice.await(frame -> "receipt".equals(frame.getString("type")) && frame.containsKey("delivered_seq"));
            assertEquals(chat, receipt.getString("chat"));
            assertEquals(bob.huid(), receipt.getString("member"));
            assertEquals(seq, receipt.getLong("delivered_seq"));
            assertFalse(receipt.containsKey("read_seq"), "delivered is not read");
            given().auth().oauth2(alice.token()).get("/api/v1/chats/" + chat).then().statusCode(200)
                    .body("members.find { it.huid == '" + bob.huid() + "' }.delivered_seq", equalTo((int) seq))
                    .body("members.find { it.huid == '" + bob.huid() + "' }.read_seq", equalTo(0));
            assertEquals(seq, bobDevice.call(new JsonObject().put("type", "delivered").put("chat", chat).put("seq", 1))
                    .getLong("delivered_seq"), "a receipt never moves back");
        }
    }

    @Test
    void shouldPassAnOpaqueBodyOnByteForByte() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        byte[] ciphertext = new byte[3000];
        new Random(42).nextBytes(ciphertext);
        String body = Base64.getEncoder().encodeToString(ciphertext);
        try (TestDevice aliceDevice = online(alice); TestDevice bobDevice = online(bob)) {
            long seq = aliceDevice.call(send(chat, "e2e-1", body).put("content_type", E2E)).getLong("seq");

            JsonObject received = bobDevice.await(frame -> "e2e-1".equals(frame.getString("client_id")));
            assertEquals(E2E, received.getString("content_type"));
            assertArrayEquals(ciphertext, Base64.getDecoder().decode(received.getString("body")));
            JsonPath history = given().auth().oauth2(bob.token()).queryParam("after", seq - 1).get("/api/v1/chats/" + chat + "/events")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(E2E, history.getString("events[0].content_type"));
            assertEquals(body, history.getString("events[0].body"));
        }
    }

    @Test
    void shouldKeepAnOpaqueBodySentOverRestIntact() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        String body = "{\"v\":1,\"iv\":\"3q2+7w==\",\"ct\":\"\\u00e9\\n\\t\"} \u202e 𝔸 \r\n";
        long seq = given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("client_id", "rest-e2e", "content_type", E2E, "body", body))
                .post("/api/v1/chats/" + chat + "/messages").then().statusCode(200).extract().jsonPath().getLong("seq");

        JsonPath history = given().auth().oauth2(bob.token()).queryParam("after", seq - 1).get("/api/v1/chats/" + chat + "/events")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(body, history.getString("events[0].body"));
        assertEquals(E2E, history.getString("events[0].content_type"));
    }

    @Test
    void shouldRefuseABodyWithANulCharacterAndStoreTheOthersSentWithIt() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        try (TestDevice aliceDevice = online(alice); TestDevice bobDevice = online(bob)) {
            int nul = aliceDevice.send(send(chat, "nul-1", "raw\0bytes").put("content_type", E2E));
            int fine = bobDevice.send(send(chat, "fine-1", "sent at the same moment"));

            JsonObject refused = aliceDevice.await(frame -> Integer.valueOf(nul).equals(frame.getInteger("re")));
            assertEquals("invalid_field", refused.getString("code"), refused.encode());
            assertEquals("body", refused.getString("field"));
            assertEquals("ack", bobDevice.await(frame -> Integer.valueOf(fine).equals(frame.getInteger("re"))).getString("type"));
            assertEquals("ack", aliceDevice.call(send(chat, "nul-2", "cmF3AGJ5dGVz").put("content_type", E2E)).getString("type"));
        }
    }
}
