package io.stratum.cts.chat;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.testsupport.TestDevice;
import io.vertx.core.json.JsonObject;

/** Users, chats and devices for the chat ITs: what a client does through REST and the WebSocket. */
final class TestChats {
    private TestChats() {
    }

    /** A logged-in user of the server under test. */
    record User(String huid, String token) {
    }

    /** Logs a new user in by e-mail PIN (a fresh address per call). */
    static User user(String name) {
        JsonPath login = MailboxLogin.logIn(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example", "desktop");
        return new User(login.getString("huid"), login.getString("access_token"));
    }

    /** Creates a chat over REST; answers its id. */
    static String createChat(User creator, String kind, String name, User... members) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        if (name != null) {
            body.put("name", name);
        }
        body.put("members", Arrays.stream(members).map(User::huid).toList());
        return given().auth().oauth2(creator.token()).contentType(ContentType.JSON).body(body).post("/api/v1/chats")
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** A device of the user, connected and synced. */
    static TestDevice online(User user) {
        return online(user, new JsonObject());
    }

    /** A device of the user that resumes from {@code cursors} (chat id → last seq held). */
    static TestDevice online(User user, JsonObject cursors) {
        return TestDevice.online(RestAssured.port, user.token(), cursors);
    }

    /** A {@code send} frame with a text body. */
    static JsonObject send(String chat, String clientId, String body) {
        return new JsonObject().put("type", "send").put("chat", chat).put("client_id", clientId).put("body", body);
    }

    /** Waits on the device for the chat's event of {@code kind}. */
    static JsonObject awaitEvent(TestDevice device, String chat, String kind) {
        return device.await(frame -> "event".equals(frame.getString("type")) && chat.equals(frame.getString("chat"))
                && kind.equals(frame.getString("kind")));
    }
}
