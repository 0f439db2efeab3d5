package io.stratum.cts.chat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.core.chat.ChatEvent;
import io.stratum.core.chat.EventKind;
import io.stratum.core.kafka.ServerTopic;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.core.server.ServerConfig;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The chat-events records of the version before ADR 0019 (JSON with a {@code to} array), as an
 * instance not yet upgraded publishes them during a rolling restart, still reach devices; a record
 * nobody can read is skipped without stopping the feed.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ChatEventRecordsIT {
    @Inject
    MailSettingsStore mailSettings;

    @Inject
    Producer<String, String> producer;

    @Inject
    ServerConfig server;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldDeliverAnEventInTheFormerFormatAfterSkippingUnreadableRecords() throws Exception {
        JsonPath alice = logIn("alice");
        JsonPath bob = logIn("bob");
        String chat = given().auth().oauth2(alice.getString("access_token")).contentType(ContentType.JSON)
                .body(Map.of("kind", "personal", "members", List.of(bob.getString("huid")))).post("/api/v1/chats")
                .then().statusCode(201).extract().jsonPath().getString("id");
        String topic = ServerTopic.CHAT_EVENTS.nameFor(server.id());
        ChatEvent former = new ChatEvent(UUID.fromString(chat), 2, EventKind.MESSAGE, UUID.fromString(alice.getString("huid")), "former-1",
                null, "text/plain", "published by the version before", new JsonObject(), Instant.now().truncatedTo(ChronoUnit.MICROS));

        try (TestDevice bobDevice = TestDevice.online(RestAssured.port, bob.getString("access_token"), new JsonObject().put(chat, 1))) {
            ProducerRecord<String, String> garbage = new ProducerRecord<>(topic, chat, "{not json");
            ProducerRecord<String, String> badSeq = new ProducerRecord<>(topic, chat, "{}");
            badSeq.headers().add("seq", new byte[] {1});
            producer.send(garbage).get();
            producer.send(badSeq).get();
            producer.send(new ProducerRecord<>(topic, chat, former.toJson().put("to", new JsonArray().add(bob.getString("huid"))).encode()))
                    .get();

            JsonObject received = bobDevice.await(frame -> "event".equals(frame.getString("type")));
            assertEquals(former.toJson(), received);
            assertEquals(List.of(), bobDevice.events(chat, Duration.ofMillis(300)), "nothing else arrives");
        }
    }

    private static JsonPath logIn(String name) {
        return MailboxLogin.logIn(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example", "desktop");
    }
}
