package io.stratum.admin.globalchat;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.admin.Admins;
import io.stratum.core.account.DeviceSessions;
import io.stratum.core.account.Platform;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.stratum.testsupport.TestSql;
import io.vertx.core.json.JsonObject;

/** An administrator's post reaches every user: live, on the next connection, and read-only. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class GlobalChatIT {
    @Inject
    DeviceSessions devices;

    @Test
    void shouldDeliverAnAdministratorsPostToEveryUserAndKeepTheChannelReadOnly() throws Throwable {
        String online = token(user("olga"));
        String later = token(user("petr"));
        Admins.Session admin = Admins.login(Admins.create("gc", "ADMINISTRATOR", ""));
        String text = "Maintenance tonight at 22:00 — сервер будет недоступен 10 минут";

        try (TestDevice olga = TestDevice.online(RestAssured.port, online, new JsonObject())) {
            JsonPath posted = admin.given().contentType(ContentType.JSON).body(Map.of("text", text))
                    .post("/api/v1/admin/global-chat/messages").then().statusCode(201).extract().jsonPath();
            String chat = posted.getString("chat_id");
            assertTrue(posted.getLong("members") >= 2, "every active user is a member");

            List<JsonObject> events = olga.awaitEvents(chat, 0, 1, Duration.ofSeconds(20), Duration.ofMillis(300));
            JsonObject message = events.stream().filter(e -> "message".equals(e.getString("kind"))).findFirst().orElseThrow();
            assertEquals(text, message.getString("body"));

            JsonObject refused = olga.call(new JsonObject().put("type", "send").put("chat", chat).put("client_id", "reply-1")
                    .put("content_type", "text/plain").put("body", "can I answer?"));
            assertEquals("channel_read_only", refused.getString("code"), refused.encode());

            try (TestDevice petr = TestDevice.online(RestAssured.port, later, new JsonObject())) {
                List<JsonObject> missed = petr.awaitEvents(chat, 0, 1, Duration.ofSeconds(20), Duration.ofMillis(300));
                assertTrue(missed.stream().anyMatch(e -> text.equals(e.getString("body"))), "a user connecting later gets the post");
            }
            assertEquals(1L, TestSql.scalar("SELECT count(*) FROM audit_log WHERE action = 'global_chat.post' AND actor = ? "
                    + "AND details NOT LIKE '%Maintenance%'", admin.username()), "audited without the text");
        }
    }

    @Test
    void shouldRefuseAnEmptyPostWithAFieldError() {
        Admins.Session admin = Admins.login(Admins.create("gc", "ADMINISTRATOR", ""));
        admin.given().contentType(ContentType.JSON).body(Map.of("text", "   ")).post("/api/v1/admin/global-chat/messages").then()
                .statusCode(400).body("errors.text", equalTo("write the message to send to all users"));
    }

    @Test
    void shouldLetAReadOnlyAdministratorSeeButNotPost() {
        Admins.Session reader = Admins.login(Admins.create("gc-read", "LIMITED", "GLOBAL_CHAT:READ"));
        reader.given().contentType(ContentType.JSON).body(Map.of("text", "hello")).post("/api/v1/admin/global-chat/messages").then()
                .statusCode(403);
    }

    private static UUID user(String name) {
        UUID huid = UUID.randomUUID();
        TestSql.update("INSERT INTO chat_user (huid, email, name, source) VALUES (?, ?, ?, 'email')", huid,
                name + "-" + huid.toString().substring(0, 8) + "@corp.example", name);
        return huid;
    }

    private String token(UUID huid) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> devices.open(huid, Platform.WEB, "1.0", "test", "127.0.0.1")).accessToken();
    }
}
