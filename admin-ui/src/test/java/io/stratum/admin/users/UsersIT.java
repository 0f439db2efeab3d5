package io.stratum.admin.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import io.stratum.testsupport.TestLdap;
import io.stratum.testsupport.TestPolling;
import io.stratum.testsupport.TestSql;
import io.vertx.core.json.JsonObject;

/** Administrators find users, see their devices, block and unblock them and end their sessions. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class UsersIT {
    @Inject
    DeviceSessions devices;

    @Test
    void shouldFindBlockUnblockAndEndTheSessionsOfAUser() throws Throwable {
        String email = "vera-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
        UUID huid = user(email);
        String token = token(huid);
        Admins.Session admin = Admins.login(Admins.create("users", "ADMINISTRATOR", ""));

        admin.given().queryParam("q", email.substring(0, 13).toUpperCase()).get("/api/v1/admin/users").then().statusCode(200)
                .body("total", equalTo(1)).body("users[0].huid", equalTo(huid.toString())).body("users[0].status", equalTo("active"));
        admin.given().get("/api/v1/admin/users/" + huid).then().statusCode(200).body("devices.size()", equalTo(1))
                .body("devices[0].platform", equalTo("web")).body("devices[0].revoked", nullValue());

        try (TestDevice device = TestDevice.online(RestAssured.port, token, new JsonObject())) {
            admin.given().post("/api/v1/admin/users/" + huid + "/block").then().statusCode(200).body("user.status", equalTo("blocked"));
            TestPolling.await("the blocked user's WebSocket to close", Duration.ofSeconds(20), device::isClosed);
            assertEquals(4401, device.closeCode());
        }
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);

        admin.given().post("/api/v1/admin/users/" + huid + "/unblock").then().statusCode(200).body("user.status", equalTo("active"));
        String again = token(huid);
        given().auth().oauth2(again).get("/api/v1/me").then().statusCode(200);
        admin.given().post("/api/v1/admin/users/" + huid + "/end-sessions").then().statusCode(200).body("devices", equalTo(1));
        given().auth().oauth2(again).get("/api/v1/me").then().statusCode(401);

        for (String action : new String[] {"user.block", "user.unblock", "user.end-sessions"}) {
            assertEquals(1L, TestSql.scalar("SELECT count(*) FROM audit_log WHERE action = ? AND target = ? AND actor = ?", action,
                    huid.toString(), admin.username()), action);
        }
    }

    @Test
    void shouldRefuseUnknownUsersAndLeaveDirectoryDisabledUsersToTheDirectory() {
        Admins.Session admin = Admins.login(Admins.create("users", "ADMINISTRATOR", ""));
        admin.given().get("/api/v1/admin/users/" + UUID.randomUUID()).then().statusCode(404).body("error.code", equalTo("user_not_found"));
        admin.given().post("/api/v1/admin/users/not-a-user/block").then().statusCode(404);
        UUID disabled = user("dan-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example");
        TestSql.update("UPDATE chat_user SET status = 'disabled' WHERE huid = ?", disabled);
        admin.given().post("/api/v1/admin/users/" + disabled + "/unblock").then().statusCode(409)
                .body("error.code", equalTo("user_disabled_by_directory"));
    }

    @Test
    void shouldDeleteAUserSoTheyCanNeitherLogInNorBeFound() throws Throwable {
        String email = "olga-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
        UUID huid = user(email);
        String token = token(huid);
        UUID entry = UUID.randomUUID();
        TestSql.update("INSERT INTO address_book_entry (id, name, email, huid, source) VALUES (?, 'Olga', ?, ?, 'manual')", entry, email, huid);
        Admins.Session admin = Admins.login(Admins.create("users", "ADMINISTRATOR", ""));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        // The user page offers Delete, in English and in Russian.
        assertTrue(admin.given().get("/admin/users/" + huid).then().statusCode(200).extract().asString()
                .contains("id=\"delete-user\">Delete<"));
        assertTrue(admin.given().header("Accept-Language", "ru").get("/admin/users/" + huid).then().statusCode(200).extract().asString()
                .contains("id=\"delete-user\">Удалить<"));

        try (TestDevice device = TestDevice.online(RestAssured.port, token, new JsonObject())) {
            admin.given().delete("/api/v1/admin/users/" + huid).then().statusCode(204);
            TestPolling.await("the deleted user's WebSocket to close", Duration.ofSeconds(20), device::isClosed);
        }

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
        admin.given().queryParam("q", email).get("/api/v1/admin/users").then().statusCode(200).body("total", equalTo(0));
        admin.given().get("/api/v1/admin/users/" + huid).then().statusCode(404).body("error.code", equalTo("user_not_found"));
        admin.given().delete("/api/v1/admin/users/" + huid).then().statusCode(404);
        // Nothing of the account leads back to it: no address to log in with, no address book link.
        assertEquals(0L, TestSql.scalar("SELECT count(*) FROM chat_user WHERE email = ?", email));
        assertEquals(null, TestSql.scalar("SELECT huid FROM address_book_entry WHERE id = ?", entry));
        assertEquals(1L, TestSql.scalar("SELECT count(*) FROM audit_log WHERE action = 'user.delete' AND target = ? AND actor = ?",
                huid.toString(), admin.username()));
    }

    @Test
    void shouldShowWhereAUserCameFromAndWhatTheDirectorySyncKnowsOfThem() {
        Admins.Session admin = Admins.login(Admins.create("users", "ADMINISTRATOR", ""));
        UUID registered = user("emma-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example");
        String plain = admin.given().get("/admin/users/" + registered).then().statusCode(200).extract().asString();
        assertEquals("e-mail registration", cell(plain, "user-source"));
        assertFalse(plain.contains("id=\"user-directory\""), "an e-mail user has no directory card");

        TestLdap ldap = TestLdap.shared();
        String uid = "dir" + UUID.randomUUID().toString().substring(0, 8);
        ldap.add("""
                dn: %s
                objectClass: inetOrgPerson
                uid: %s
                cn: Dora Directory
                sn: Directory
                mail: %s@corp.test
                userPassword: %s-pass
                """.formatted(TestLdap.personDn(uid), uid, uid, uid));
        admin.given().contentType(ContentType.JSON).body(ldap.directorySettings()).put("/api/v1/admin/directory/settings")
                .then().statusCode(204);
        admin.given().post("/api/v1/admin/directory/sync").then().statusCode(200).body("result", equalTo("ok"))
                .body("finishedAt", notNullValue());
        String huid = admin.given().queryParam("q", uid + "@corp.test").get("/api/v1/admin/users").then().statusCode(200)
                .body("total", equalTo(1)).body("users[0].source", equalTo("directory")).body("users[0].directoryLogin", equalTo(uid))
                .extract().jsonPath().getString("users[0].huid");

        String page = admin.given().get("/admin/users/" + huid).then().statusCode(200).extract().asString();
        assertEquals("corporate directory", cell(page, "user-source"));
        assertEquals(uid, cell(page, "directory-login"));
        assertTrue(cell(page, "directory-id").matches("[0-9a-f-]{36}"), cell(page, "directory-id"));
        assertTrue(cell(page, "directory-sync").startsWith("ok · "), cell(page, "directory-sync"));
        assertTrue(cell(page, "directory-sync").contains("created "), cell(page, "directory-sync"));

        ldap.replace(TestLdap.personDn(uid), "employeeType", "disabled");
        admin.given().post("/api/v1/admin/directory/sync").then().statusCode(200);
        String disabled = admin.given().cookie("stratum_lang", "ru")
                .get("/admin/users/" + huid).then().statusCode(200).extract().asString();
        assertEquals("корпоративный каталог", cell(disabled, "user-source"));
        assertEquals("disabled · отключён в корпоративном каталоге", cell(disabled, "user-status"));
    }

    @Test
    void shouldSortAndFilterTheUsersTableInTheApiAndTheConsole() {
        String tag = "srt" + UUID.randomUUID().toString().substring(0, 6);
        UUID boris = user(tag + "-boris@corp.example");
        UUID clara = user(tag + "-clara@corp.example");
        UUID anna = user(tag + "-anna@corp.example");
        Admins.Session admin = Admins.login(Admins.create("users", "ADMINISTRATOR", ""));

        admin.given().queryParam("q", tag).queryParam("sort", "name").queryParam("desc", true).get("/api/v1/admin/users").then()
                .statusCode(200).body("total", equalTo(3))
                .body("users.huid", equalTo(List.of(clara.toString(), boris.toString(), anna.toString())));
        admin.given().queryParam("q", tag).queryParam("sort", "name").get("/api/v1/admin/users").then().statusCode(200)
                .body("users.huid", equalTo(List.of(anna.toString(), boris.toString(), clara.toString())));
        admin.given().queryParam("q", tag + "-clara").get("/api/v1/admin/users").then().statusCode(200)
                .body("users.huid", equalTo(List.of(clara.toString())));
        admin.given().queryParam("q", tag).queryParam("sort", "bogus; DROP TABLE chat_user").get("/api/v1/admin/users").then()
                .statusCode(200).body("users.huid", equalTo(List.of(anna.toString(), clara.toString(), boris.toString())));

        String page = admin.given().queryParam("q", tag).queryParam("sort", "name").queryParam("desc", true).get("/admin/users").then()
                .statusCode(200).extract().asString();
        assertEquals(List.of(clara, boris, anna), rows(page));
        assertTrue(page.contains("<th aria-sort=\"descending\"><a href=\"/admin/users?q=" + tag + "&amp;sort=name&amp;desc=false\""), page);
        String newest = admin.given().queryParam("q", tag).queryParam("sort", "no-such-column").get("/admin/users").then()
                .statusCode(200).extract().asString();
        assertEquals(List.of(anna, clara, boris), rows(newest), "an unknown column gives the default order, newest first");
        assertEquals(List.of(boris), rows(admin.given().queryParam("q", tag + "-boris").get("/admin/users").then().statusCode(200)
                .extract().asString()));
    }

    /** The users in the order the users table shows them. */
    private static List<UUID> rows(String html) {
        Matcher matcher = Pattern.compile("<tr id=\"user-([0-9a-f-]{36})\"").matcher(html);
        List<UUID> rows = new java.util.ArrayList<>();
        while (matcher.find()) {
            rows.add(UUID.fromString(matcher.group(1)));
        }
        return rows;
    }

    /** The text of the element with this id, tags stripped, whitespace collapsed. */
    private static String cell(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(html);
        assertTrue(matcher.find(), "no #" + id + " in the page");
        return matcher.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
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
