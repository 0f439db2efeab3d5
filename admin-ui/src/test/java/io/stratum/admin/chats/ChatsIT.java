package io.stratum.admin.chats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.stratum.admin.Admins;
import io.stratum.core.account.DeviceSessions;
import io.stratum.core.account.Platform;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.stratum.testsupport.TestSql;
import io.vertx.core.json.JsonObject;

/** Administrators find chats and their members without ever seeing a message body, and delete chats for everyone. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ChatsIT {
    @Inject
    DeviceSessions devices;

    @Test
    void shouldShowAChatWithoutBodiesAndDeleteItForEveryone() throws Throwable {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID owner = user("olga-" + tag + "@corp.example");
        UUID member = user("ivan-" + tag + "@corp.example");
        String ownerToken = token(owner);
        String memberToken = token(member);
        String chat = given().auth().oauth2(ownerToken).contentType(ContentType.JSON)
                .body(Map.of("kind", "group", "name", "Budget " + tag, "members", List.of(member.toString())))
                .post("/api/v1/chats").then().statusCode(201).extract().path("id");
        String secret = "the secret plan " + tag;
        try (TestDevice device = TestDevice.online(RestAssured.port, ownerToken, new JsonObject())) {
            device.call(new JsonObject().put("type", "send").put("chat", chat).put("client_id", "m1").put("body", secret));
        }
        Admins.Session admin = Admins.login(Admins.create("chats", "ADMINISTRATOR", ""));

        admin.given().queryParam("q", "budget " + tag).get("/api/v1/admin/chats").then().statusCode(200).body("total", equalTo(1))
                .body("chats[0].id", equalTo(chat)).body("chats[0].members", equalTo(2)).body("chats[0].messages", equalTo(1))
                .body("chats[0].routing", equalTo("corporate"));
        admin.given().queryParam("q", "ivan-" + tag + "@corp.example").get("/api/v1/admin/chats").then().statusCode(200)
                .body("total", equalTo(1));
        String details = admin.given().get("/api/v1/admin/chats/" + chat).then().statusCode(200).body("members.size()", equalTo(2))
                .extract().asString();
        assertFalse(details.contains(secret), "no message body in the admin API");
        assertFalse(admin.given().get("/admin/chats/" + chat).then().statusCode(200).extract().asString().contains(secret),
                "no message body in the console");

        try (TestDevice memberDevice = TestDevice.online(RestAssured.port, memberToken, new JsonObject().put(chat, 2))) {
            admin.given().delete("/api/v1/admin/chats/" + chat).then().statusCode(204);
            JsonObject signal = memberDevice.await(frame -> "chat_deleted".equals(frame.getString("type")));
            assertEquals(chat, signal.getString("chat"));
        }
        given().auth().oauth2(memberToken).get("/api/v1/chats/" + chat).then().statusCode(404);
        admin.given().get("/api/v1/admin/chats/" + chat).then().statusCode(404).body("error.code", equalTo("chat_not_found"));
        assertEquals(1L, TestSql.scalar("SELECT count(*) FROM audit_log WHERE action = 'chat.delete' AND target = ? AND details NOT LIKE ?",
                chat, "%" + secret + "%"));
    }

    @Test
    void shouldSortAndFilterTheChatsTableInTheApiAndTheConsole() throws Throwable {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID owner = user("petr-" + tag + "@corp.example");
        UUID first = user("lena-" + tag + "@corp.example");
        UUID second = user("oleg-" + tag + "@corp.example");
        String token = token(owner);
        String beta = chat(token, "Beta " + tag, List.of(first));
        String gamma = chat(token, "Gamma " + tag, List.of(first, second));
        String alpha = chat(token, "Alpha " + tag, List.of());
        Admins.Session admin = Admins.login(Admins.create("chats", "ADMINISTRATOR", ""));

        admin.given().queryParam("q", tag).queryParam("sort", "name").queryParam("desc", true).get("/api/v1/admin/chats").then()
                .statusCode(200).body("total", equalTo(3)).body("chats.id", equalTo(List.of(gamma, beta, alpha)));
        admin.given().queryParam("q", tag).queryParam("sort", "members").get("/api/v1/admin/chats").then().statusCode(200)
                .body("chats.id", equalTo(List.of(alpha, beta, gamma)));
        admin.given().queryParam("q", tag).queryParam("sort", "nonsense").get("/api/v1/admin/chats").then().statusCode(200)
                .body("chats.id", equalTo(List.of(alpha, gamma, beta)));

        String page = admin.given().queryParam("q", tag).queryParam("sort", "name").queryParam("desc", true).get("/admin/chats").then()
                .statusCode(200).extract().asString();
        assertEquals(List.of(gamma, beta, alpha), rows(page));
        assertTrue(page.contains("aria-sort=\"descending\"><a href=\"/admin/chats?q=" + tag + "&amp;sort=name&amp;desc=false\""), page);
        assertEquals(List.of(alpha, gamma, beta), rows(admin.given().queryParam("q", tag).queryParam("sort", "x'--").get("/admin/chats")
                .then().statusCode(200).extract().asString()), "an unknown column gives the default order, newest first");
        assertEquals(List.of(beta), rows(admin.given().queryParam("q", "beta " + tag).get("/admin/chats").then().statusCode(200)
                .extract().asString()));
    }

    private static String chat(String token, String name, List<UUID> members) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "group", "name", name, "members", members.stream().map(UUID::toString).toList()))
                .post("/api/v1/chats").then().statusCode(201).extract().path("id");
    }

    /** The chats in the order the chats table shows them. */
    private static List<String> rows(String html) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<tr id=\"chat-([0-9a-f-]{36})\"").matcher(html);
        List<String> rows = new java.util.ArrayList<>();
        while (matcher.find()) {
            rows.add(matcher.group(1));
        }
        return rows;
    }

    private static UUID user(String email) {
        UUID huid = UUID.randomUUID();
        TestSql.update("INSERT INTO chat_user (huid, email, name, source) VALUES (?, ?, ?, 'email')", huid, email,
                email.substring(0, email.indexOf('@')));
        return huid;
    }

    private String token(UUID huid) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> devices.open(huid, Platform.WEB, "1.0", "test", "127.0.0.1")).accessToken();
    }
}
