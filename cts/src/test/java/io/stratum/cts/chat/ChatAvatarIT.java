package io.stratum.cts.chat;

import static io.restassured.RestAssured.given;
import static io.stratum.cts.chat.TestChats.awaitEvent;
import static io.stratum.cts.chat.TestChats.createChat;
import static io.stratum.cts.chat.TestChats.online;
import static io.stratum.cts.chat.TestChats.user;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.cts.chat.TestChats.User;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.vertx.core.json.JsonObject;

/** The avatar of a group or channel: set and cleared by admins, shown to members, refused to everyone else. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ChatAvatarIT {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 5, 6, 7};
    private static final long MAX_AVATAR_SIZE = 5_242_880;

    @Inject
    MailSettingsStore mailSettings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldShowANewAvatarToEveryMemberLiveOnResumeAndInHistory() {
        User owner = user("olga");
        User pavel = user("pavel");
        User rita = user("rita");
        String chat = createChat(owner, "group", "Project Falcon", pavel, rita);
        try (TestDevice pavelDevice = online(pavel)) {
            JsonObject changed = new JsonObject(setAvatar(owner, chat, "image/png", PNG).statusCode(200)
                    .body("kind", equalTo("avatar_changed")).body("meta.content_type", equalTo("image/png"))
                    .body("meta.size", equalTo(PNG.length)).extract().asString());
            String file = changed.getJsonObject("meta").getString("file");

            JsonObject live = awaitEvent(pavelDevice, chat, "avatar_changed");
            assertEquals(file, live.getJsonObject("meta").getString("file"));
            assertEquals(owner.huid(), live.getString("author"));
            assertArrayEquals(PNG, avatar(pavel, chat).statusCode(200).header("Content-Type", "image/png").extract().asByteArray());
            given().auth().oauth2(rita.token()).get("/api/v1/chats/" + chat).then().statusCode(200).body("avatar", equalTo(file));
            try (TestDevice ritaDevice = online(rita, new JsonObject().put(chat, 1))) {
                List<JsonObject> missed = ritaDevice.events(chat, Duration.ofMillis(300));
                assertEquals(List.of("avatar_changed"), missed.stream().map(e -> e.getString("kind")).toList(), missed.toString());
            }
            given().auth().oauth2(rita.token()).get("/api/v1/chats/" + chat + "/events").then().statusCode(200)
                    .body("events.find { it.kind == 'avatar_changed' }.meta.file", equalTo(file));
        }
    }

    @Test
    void shouldReplaceAndClearTheAvatar() {
        User owner = user("olga");
        User pavel = user("pavel");
        String chat = createChat(owner, "channel", "News", pavel);
        String first = setAvatar(owner, chat, "image/png", PNG).statusCode(200).extract().jsonPath().getString("meta.file");
        setAvatar(owner, chat, "image/jpeg", JPEG).statusCode(200).body("meta.content_type", equalTo("image/jpeg"));

        assertArrayEquals(JPEG, avatar(pavel, chat).statusCode(200).header("Content-Type", "image/jpeg").extract().asByteArray());
        given().auth().oauth2(pavel.token()).get("/api/v1/files/" + first).then().statusCode(404).body("error.code", equalTo("no_such_file"));
        try (TestDevice pavelDevice = online(pavel, new JsonObject().put(chat, 3))) {
            given().auth().oauth2(owner.token()).delete("/api/v1/chats/" + chat + "/avatar").then().statusCode(200)
                    .body("kind", equalTo("avatar_changed")).body("meta.file", nullValue());

            JsonObject cleared = awaitEvent(pavelDevice, chat, "avatar_changed");
            assertTrue(cleared.getJsonObject("meta").containsKey("file") && cleared.getJsonObject("meta").getValue("file") == null, cleared.encode());
            avatar(pavel, chat).statusCode(404).body("error.code", equalTo("no_such_avatar"));
            given().auth().oauth2(pavel.token()).get("/api/v1/chats/" + chat).then().statusCode(200).body("avatar", nullValue());
            given().auth().oauth2(owner.token()).delete("/api/v1/chats/" + chat + "/avatar").then().statusCode(404)
                    .body("error.code", equalTo("no_such_avatar"));
        }
    }

    @Test
    void shouldRefuseTheAvatarToNonMembersAndItsChangeToNonAdmins() {
        User owner = user("olga");
        User pavel = user("pavel");
        User stranger = user("stranger");
        String chat = createChat(owner, "group", "Project Heron", pavel);
        setAvatar(owner, chat, "image/png", PNG).statusCode(200);

        avatar(stranger, chat).statusCode(404).body("error.code", equalTo("no_such_chat"));
        setAvatar(stranger, chat, "image/png", JPEG).statusCode(404).body("error.code", equalTo("no_such_chat"));
        given().auth().oauth2(stranger.token()).delete("/api/v1/chats/" + chat + "/avatar").then().statusCode(404)
                .body("error.code", equalTo("no_such_chat"));
        setAvatar(pavel, chat, "image/jpeg", JPEG).statusCode(403).body("error.code", equalTo("not_admin"));
        given().auth().oauth2(pavel.token()).delete("/api/v1/chats/" + chat + "/avatar").then().statusCode(403)
                .body("error.code", equalTo("not_admin"));
        given().get("/api/v1/chats/" + chat + "/avatar").then().statusCode(401);
        assertArrayEquals(PNG, avatar(pavel, chat).statusCode(200).extract().asByteArray(), "the refused changes changed nothing");
    }

    @Test
    void shouldRefuseAnAvatarThatIsNotAnImage() {
        User owner = user("olga");
        User pavel = user("pavel");
        String chat = createChat(owner, "group", "Project Ibis", pavel);

        setAvatar(owner, chat, "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("error.code", equalTo("invalid_field")).body("error.field", equalTo("content_type"));
        setAvatar(owner, chat, "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("error.code", equalTo("invalid_field"));
        avatar(pavel, chat).statusCode(404).body("error.code", equalTo("no_such_avatar"));
    }

    @Test
    void shouldRefuseAnAvatarOverTheSizeLimitBeforeReadingIt() throws Exception {
        User owner = user("olga");
        User pavel = user("pavel");
        String chat = createChat(owner, "group", "Project Kite", pavel);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/chats/" + chat + "/avatar HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + owner.token()
                    + "\r\nContent-Type: image/png\r\nContent-Length: " + (MAX_AVATAR_SIZE + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"file_too_large\""), answer);
            assertTrue(answer.contains("\"max_size\":" + MAX_AVATAR_SIZE), answer);
        }
        avatar(pavel, chat).statusCode(404).body("error.code", equalTo("no_such_avatar"));
        setAvatar(owner, chat, "image/png", PNG).statusCode(200);
    }

    @Test
    void shouldRefuseAnAvatarForAPersonalChat() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, "personal", null, bob);

        setAvatar(alice, chat, "image/png", PNG).statusCode(400).body("error.code", equalTo("personal_chat"));
        given().auth().oauth2(alice.token()).delete("/api/v1/chats/" + chat + "/avatar").then().statusCode(400)
                .body("error.code", equalTo("personal_chat"));
        avatar(bob, chat).statusCode(404).body("error.code", equalTo("no_such_avatar"));
    }

    private static ValidatableResponse setAvatar(User actor, String chat, String contentType, byte[] image) {
        return given().auth().oauth2(actor.token()).contentType(contentType).body(image).put("/api/v1/chats/" + chat + "/avatar").then();
    }

    private static ValidatableResponse avatar(User member, String chat) {
        return given().auth().oauth2(member.token()).get("/api/v1/chats/" + chat + "/avatar").then();
    }
}
