package io.stratum.cts.chat;

import static io.restassured.RestAssured.given;
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
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;

/** Sending over REST (bots, scripts) is as idempotent as over the WebSocket. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class RestSendIT {
    @Inject
    MailSettingsStore mailSettings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldStoreOneMessageWhenTheSameClientIdIsPostedTwice() {
        String bot = MailboxLogin.logIn(fresh("bot"), "web").getString("access_token");
        String reader = MailboxLogin.logIn(fresh("yana"), "web").getString("huid");
        String chat = given().auth().oauth2(bot).contentType(ContentType.JSON)
                .body(Map.of("kind", "personal", "members", List.of(reader))).post("/api/v1/chats")
                .then().statusCode(201).extract().path("id");
        Map<String, String> message = Map.of("client_id", "report-2026-12-03", "body", "nightly report");

        int seq = post(bot, chat, message).then().statusCode(200).body("duplicate", equalTo(false)).extract().path("seq");
        post(bot, chat, message).then().statusCode(200).body("seq", equalTo(seq)).body("duplicate", equalTo(true))
                .body("client_id", equalTo("report-2026-12-03"));

        List<Integer> stored = given().auth().oauth2(bot).queryParam("after", 0).get("/api/v1/chats/" + chat + "/events")
                .then().statusCode(200).extract().jsonPath().getList("events.findAll { it.client_id == 'report-2026-12-03' }.seq");
        assertEquals(List.of(seq), stored);
    }

    private static io.restassured.response.Response post(String token, String chat, Map<String, String> message) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(message).post("/api/v1/chats/" + chat + "/messages");
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
    }
}
