package io.stratum.cts.chat;

import static io.restassured.RestAssured.given;
import static io.stratum.cts.chat.TestChats.awaitEvent;
import static io.stratum.cts.chat.TestChats.createChat;
import static io.stratum.cts.chat.TestChats.online;
import static io.stratum.cts.chat.TestChats.user;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

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
import io.vertx.core.json.JsonObject;

/** A group's admins: granting and taking the role, and renaming, as members observe them. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ChatAdminsIT {
    @Inject
    MailSettingsStore mailSettings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldLetAGrantedAdminRenameAndAddMembers() {
        User owner = user("olga");
        User pavel = user("pavel");
        User rita = user("rita");
        User sergey = user("sergey");
        String chat = createChat(owner, "group", "Project Falcon", pavel, rita);
        try (TestDevice ritaDevice = online(rita)) {
            given().auth().oauth2(owner.token()).put("/api/v1/chats/" + chat + "/admins/" + pavel.huid()).then().statusCode(200)
                    .body("kind", equalTo("admin_changed")).body("meta.member", equalTo(pavel.huid())).body("meta.admin", equalTo(true));

            JsonObject granted = awaitEvent(ritaDevice, chat, "admin_changed");
            assertEquals(pavel.huid(), granted.getJsonObject("meta").getString("member"));
            assertEquals(true, granted.getJsonObject("meta").getBoolean("admin"));
            assertEquals(owner.huid(), granted.getString("author"));
            rename(pavel, chat, "Project Falcon II").statusCode(200).body("kind", equalTo("renamed"));
            addMember(pavel, chat, sergey).statusCode(200).body("kind", equalTo("members_added"));
            given().auth().oauth2(rita.token()).get("/api/v1/chats/" + chat).then().statusCode(200)
                    .body("name", equalTo("Project Falcon II"))
                    .body("members.find { it.huid == '" + pavel.huid() + "' }.role", equalTo("admin"))
                    .body("members.huid", hasItem(sergey.huid()));
        }
    }

    @Test
    void shouldTakeTheRightsAwayWhenTheAdminRoleIsRevoked() {
        User owner = user("olga");
        User pavel = user("pavel");
        User rita = user("rita");
        String chat = createChat(owner, "group", "Project Heron", pavel, rita);
        given().auth().oauth2(owner.token()).put("/api/v1/chats/" + chat + "/admins/" + pavel.huid()).then().statusCode(200);
        try (TestDevice ritaDevice = online(rita, new JsonObject().put(chat, 2))) {
            given().auth().oauth2(owner.token()).delete("/api/v1/chats/" + chat + "/admins/" + pavel.huid()).then().statusCode(200)
                    .body("kind", equalTo("admin_changed")).body("meta.admin", equalTo(false));

            JsonObject revoked = awaitEvent(ritaDevice, chat, "admin_changed");
            assertEquals(pavel.huid(), revoked.getJsonObject("meta").getString("member"));
            assertEquals(false, revoked.getJsonObject("meta").getBoolean("admin"));
            rename(pavel, chat, "Pavel's now").statusCode(403).body("error.code", equalTo("not_admin"));
            addMember(pavel, chat, user("sergey")).statusCode(403).body("error.code", equalTo("not_admin"));
            given().auth().oauth2(pavel.token()).get("/api/v1/chats/" + chat).then().statusCode(200)
                    .body("role", equalTo("member")).body("name", equalTo("Project Heron"));
        }
    }

    @Test
    void shouldRefuseAdminChangesByOthersThanAdmins() {
        User owner = user("olga");
        User rita = user("rita");
        User stranger = user("stranger");
        String chat = createChat(owner, "group", "Project Ibis", rita);

        given().auth().oauth2(rita.token()).put("/api/v1/chats/" + chat + "/admins/" + rita.huid()).then().statusCode(403)
                .body("error.code", equalTo("not_admin"));
        given().auth().oauth2(rita.token()).delete("/api/v1/chats/" + chat + "/admins/" + owner.huid()).then().statusCode(403)
                .body("error.code", equalTo("not_admin"));
        given().auth().oauth2(stranger.token()).put("/api/v1/chats/" + chat + "/admins/" + stranger.huid()).then().statusCode(404)
                .body("error.code", equalTo("no_such_chat"));
        given().auth().oauth2(owner.token()).put("/api/v1/chats/" + chat + "/admins/" + stranger.huid()).then().statusCode(404)
                .body("error.code", equalTo("not_a_member"));
        given().auth().oauth2(owner.token()).get("/api/v1/chats/" + chat).then().statusCode(200)
                .body("members.find { it.huid == '" + rita.huid() + "' }.role", equalTo("member"));
    }

    @Test
    void shouldShowARenameToEveryMemberLiveAndInHistory() {
        User owner = user("olga");
        User pavel = user("pavel");
        String chat = createChat(owner, "channel", "News", pavel);
        try (TestDevice pavelDevice = online(pavel)) {
            long seq = rename(owner, chat, "  Company news  ").statusCode(200).body("meta.name", equalTo("Company news"))
                    .extract().jsonPath().getLong("seq");

            JsonObject renamed = awaitEvent(pavelDevice, chat, "renamed");
            assertEquals("Company news", renamed.getJsonObject("meta").getString("name"));
            assertEquals(seq, renamed.getLong("seq"));
            given().auth().oauth2(pavel.token()).get("/api/v1/chats").then().statusCode(200)
                    .body("find { it.id == '" + chat + "' }.name", equalTo("Company news"));
            given().auth().oauth2(pavel.token()).queryParam("after", seq - 1).get("/api/v1/chats/" + chat + "/events").then().statusCode(200)
                    .body("events[0].kind", equalTo("renamed")).body("events[0].meta.name", equalTo("Company news"));
            rename(owner, chat, " ").statusCode(400).body("error.code", equalTo("name_invalid"));
        }
    }

    private static io.restassured.response.ValidatableResponse rename(User actor, String chat, String name) {
        return given().auth().oauth2(actor.token()).contentType(ContentType.JSON).body(Map.of("name", name))
                .patch("/api/v1/chats/" + chat).then();
    }

    private static io.restassured.response.ValidatableResponse addMember(User actor, String chat, User member) {
        return given().auth().oauth2(actor.token()).contentType(ContentType.JSON).body(Map.of("members", List.of(member.huid())))
                .post("/api/v1/chats/" + chat + "/members").then();
    }
}
