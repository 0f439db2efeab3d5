package io.stratum.cts.chat;

import static io.restassured.RestAssured.given;
import static io.stratum.cts.chat.TestChats.createChat;
import static io.stratum.cts.chat.TestChats.online;
import static io.stratum.cts.chat.TestChats.send;
import static io.stratum.cts.chat.TestChats.user;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.cts.chat.TestChats.User;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.stratum.testsupport.TestSql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Replies, forwards and mentions: what the receiver and the history show, and references that lead nowhere. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class MessageReferencesIT {
    @Inject
    MailSettingsStore mailSettings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldCarryReplyForwardAndMentionsToTheReceiverAndTheHistory() {
        User alice = user("alice");
        User bob = user("bob");
        User carol = user("carol");
        String team = createChat(alice, "group", "Team", bob, carol);
        String elsewhere = createChat(alice, "personal", null, carol);
        try (TestDevice aliceDevice = online(alice); TestDevice bobDevice = online(bob)) {
            long question = bobDevice.call(send(team, "q-1", "Who has the report?")).getLong("seq");
            long report = aliceDevice.call(send(elsewhere, "r-1", "Report: all green")).getLong("seq");

            JsonObject ack = aliceDevice.call(send(team, "a-1", "Here it is, @bob").put("reply_to", question)
                    .put("forward", new JsonObject().put("chat", elsewhere).put("seq", report)).put("mentions", new JsonArray().add(bob.huid())));

            assertEquals("ack", ack.getString("type"), ack.encode());
            JsonObject received = bobDevice.await(frame -> "event".equals(frame.getString("type")) && "a-1".equals(frame.getString("client_id")));
            JsonObject meta = received.getJsonObject("meta");
            assertEquals(question, meta.getLong("reply_to"));
            assertEquals(new JsonObject().put("chat", elsewhere).put("seq", report), meta.getJsonObject("forward"));
            assertEquals(new JsonArray().add(bob.huid()), meta.getJsonArray("mentions"));
            given().auth().oauth2(carol.token()).queryParam("after", ack.getLong("seq") - 1).get("/api/v1/chats/" + team + "/events").then()
                    .statusCode(200).body("events[0].body", equalTo("Here it is, @bob"))
                    .body("events[0].meta.reply_to", equalTo((int) question))
                    .body("events[0].meta.forward.chat", equalTo(elsewhere)).body("events[0].meta.forward.seq", equalTo((int) report))
                    .body("events[0].meta.mentions", equalTo(List.of(bob.huid())));
        }
    }

    @Test
    void shouldRefuseAReplyToNoMessageOfTheChat() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);
        try (TestDevice device = online(alice)) {
            assertEquals("no_such_message", device.call(send(chat, "x-1", "to nothing").put("reply_to", 999)).getString("code"));
            assertEquals("no_such_message", device.call(send(chat, "x-2", "to the creation").put("reply_to", 1)).getString("code"),
                    "seq 1 is the chat's creation, not a message");
            JsonObject malformed = device.call(send(chat, "x-3", "to what?").put("reply_to", "yesterday"));
            assertEquals("invalid_field", malformed.getString("code"));
            assertEquals("reply_to", malformed.getString("field"));
            assertEquals(0L, TestSql.scalar("SELECT count(*) FROM chat_event WHERE chat_id = ?::uuid AND kind = 'message'", chat));
            assertEquals("ack", device.call(send(chat, "x-4", "still fine")).getString("type"));
        }
    }

    @Test
    void shouldRefuseAForwardOfAMessageTheSenderCannotSee() {
        User alice = user("alice");
        User bob = user("bob");
        User mallory = user("mallory");
        String secret = createChat(alice, "personal", null, bob);
        String open = createChat(mallory, "personal", null, bob);
        long seq;
        try (TestDevice aliceDevice = online(alice)) {
            seq = aliceDevice.call(send(secret, "s-1", "between us")).getLong("seq");
        }
        try (TestDevice device = online(mallory)) {
            JsonObject refused = device.call(send(open, "f-1", "look what alice wrote")
                    .put("forward", new JsonObject().put("chat", secret).put("seq", seq)));
            assertEquals("no_such_message", refused.getString("code"));
            assertEquals("no_such_message", device.call(send(open, "f-2", "and this")
                    .put("forward", new JsonObject().put("chat", UUID.randomUUID().toString()).put("seq", 2))).getString("code"));
            assertEquals(0L, TestSql.scalar("SELECT count(*) FROM chat_event WHERE chat_id = ?::uuid AND kind = 'message'", open));
        }
    }

    @Test
    void shouldRefuseAMentionOfSomeoneOutsideTheChat() {
        User alice = user("alice");
        User bob = user("bob");
        User outsider = user("outsider");
        String chat = createChat(alice, "group", "Closed circle", bob);

        given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("client_id", "m-1", "body", "hey @outsider", "mentions", List.of(bob.huid(), outsider.huid())))
                .post("/api/v1/chats/" + chat + "/messages").then().statusCode(400)
                .body("error.code", equalTo("invalid_field")).body("error.field", equalTo("mentions"));
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON)
                .body(Map.of("client_id", "m-2", "body", "hey @bob", "mentions", List.of(bob.huid())))
                .post("/api/v1/chats/" + chat + "/messages").then().statusCode(200).body("duplicate", equalTo(false));
        assertEquals(1L, TestSql.scalar("SELECT count(*) FROM chat_event WHERE chat_id = ?::uuid AND kind = 'message'", chat));
    }
}
