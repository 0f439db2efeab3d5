package io.stratum.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stratum.admin.auth.Totp;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;

/**
 * Login throttling and lockout, sessions, TOTP, password changes, through the admin API on a real
 * database. The test configuration locks a login after 3 failures and an address after 8.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class LoginSecurityIT {
    private static Response login(String username, String password, String code, String ip) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"code\":\"" + code + "\"}")
                .post("/api/v1/admin/session");
    }

    private static long count(String sql, String parameter) throws Exception {
        try (var connection = Admins.connect(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void shouldRefuseAWrongPasswordAndAuditIt() throws Exception {
        String user = Admins.create("wrong", "ADMINISTRATOR", "");
        login(user, "not-the-password-1", "", "10.1.0.1").then().statusCode(401).body("error", equalTo("wrong_credentials"));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'administrator.login' AND result = 'FAILURE' AND actor = ?", user));
    }

    @Test
    void shouldLockALoginAfterRepeatedFailuresEvenWithTheRightPassword() throws Exception {
        String user = Admins.create("locked", "ADMINISTRATOR", "");
        for (int i = 0; i < 3; i++) {
            login(user, "not-the-password-" + i, "", "10.1.1." + i).then().statusCode(401);
        }
        Response locked = login(user, Admins.PASSWORD, "", "10.1.1.9");
        locked.then().statusCode(429).body("error", equalTo("locked"));
        assertTrue(Long.parseLong(locked.getHeader("Retry-After")) > 0);
        assertTrue(count("SELECT count(*) FROM audit_log WHERE actor = ? AND details LIKE '%locked%'", user) >= 1);
    }

    @Test
    void shouldLiftALockoutWhenAnAdministratorResetsTheAccount() {
        String user = Admins.create("unlock", "ADMINISTRATOR", "");
        for (int i = 0; i < 3; i++) {
            login(user, "not-the-password-" + i, "", "10.1.2." + i).then().statusCode(401);
        }
        login(user, Admins.PASSWORD, "", "10.1.2.9").then().statusCode(429);
        Admins.Session boss = Admins.login(Admins.create("boss", "ADMINISTRATOR", ""));
        long id = boss.given().get("/api/v1/admin/administrators?filter=" + user).then().statusCode(200).extract().jsonPath().getLong("[0].id");
        boss.given().contentType(ContentType.JSON).body("{\"password\":\"a-brand-new-secret-77\"}")
                .post("/api/v1/admin/administrators/" + id + "/reset").then().statusCode(204);
        login(user, "a-brand-new-secret-77", "", "10.1.2.9").then().statusCode(200);
    }

    @Test
    void shouldRefuseAnAddressWithTooManyFailuresWhateverTheLogin() {
        String ip = "10.1.3.1";
        for (int i = 0; i < 8; i++) {
            login("nobody-" + i, "not-the-password", "", ip).then().statusCode(401);
        }
        String user = Admins.create("victim", "ADMINISTRATOR", "");
        login(user, Admins.PASSWORD, "", ip).then().statusCode(429);
        login(user, Admins.PASSWORD, "", "10.1.3.2").then().statusCode(200);
    }

    @Test
    void shouldEndAnExpiredSession() throws Exception {
        Admins.Session session = Admins.login(Admins.create("expiring", "ADMINISTRATOR", ""));
        session.given().get("/api/v1/admin/session").then().statusCode(200);
        Admins.sql("UPDATE admin_session SET expires_at = now() - interval '1 second' WHERE administrator_id = "
                + "(SELECT id FROM administrator WHERE username = ?)", session.username());
        session.given().get("/api/v1/admin/session").then().statusCode(401);
    }

    @Test
    void shouldEndAnIdleSession() throws Exception {
        Admins.Session session = Admins.login(Admins.create("idle", "ADMINISTRATOR", ""));
        Admins.sql("UPDATE admin_session SET last_seen_at = now() - interval '31 minutes' WHERE administrator_id = "
                + "(SELECT id FROM administrator WHERE username = ?)", session.username());
        session.given().get("/api/v1/admin/session").then().statusCode(401);
    }

    @Test
    void shouldLogOutEverywhere() {
        String user = Admins.create("everywhere", "LIMITED", "AUDIT:READ");
        Admins.Session laptop = Admins.login(user);
        Admins.Session tablet = Admins.login(user);
        tablet.given().delete("/api/v1/admin/sessions").then().statusCode(200).body("ended", equalTo(2));
        laptop.given().get("/api/v1/admin/session").then().statusCode(401);
        tablet.given().get("/api/v1/admin/session").then().statusCode(401);
    }

    @Test
    void shouldLogOutOneSessionOnly() {
        String user = Admins.create("logout", "ADMINISTRATOR", "");
        Admins.Session laptop = Admins.login(user);
        Admins.Session tablet = Admins.login(user);
        tablet.given().delete("/api/v1/admin/session").then().statusCode(204);
        tablet.given().get("/api/v1/admin/session").then().statusCode(401);
        laptop.given().get("/api/v1/admin/session").then().statusCode(200);
    }

    @Test
    void shouldChangeThePasswordUnderThePolicyAndEndOtherSessions() {
        String user = Admins.create("changer", "SECURITY", "");
        Admins.Session other = Admins.login(user);
        Admins.Session session = Admins.login(user);
        session.given().contentType(ContentType.JSON).body("{\"current\":\"" + Admins.PASSWORD + "\",\"password\":\"short1\"}")
                .put("/api/v1/admin/account/password").then().statusCode(400).body("errors", hasKey("password"));
        session.given().contentType(ContentType.JSON).body("{\"current\":\"wrong-current-pass-1\",\"password\":\"a-good-new-pass-61\"}")
                .put("/api/v1/admin/account/password").then().statusCode(400).body("errors", hasKey("current"));
        session.given().contentType(ContentType.JSON).body("{\"current\":\"" + Admins.PASSWORD + "\",\"password\":\"a-good-new-pass-61\"}")
                .put("/api/v1/admin/account/password").then().statusCode(204);
        other.given().get("/api/v1/admin/session").then().statusCode(401);
        session.given().get("/api/v1/admin/session").then().statusCode(200);
        login(user, "a-good-new-pass-61", "", "10.1.4.1").then().statusCode(200);
    }

    @Test
    void shouldRequireTheSecondFactorOnceEnrolledAndRefuseAReusedCode() {
        String user = Admins.create("totp", "ADMINISTRATOR", "");
        Admins.Session session = Admins.login(user);
        String secret = session.given().post("/api/v1/admin/account/totp").then().statusCode(200).extract().path("secret");
        byte[] key = Totp.fromBase32(secret);
        long step = Totp.step(Instant.now());
        session.given().contentType(ContentType.JSON).body("{\"code\":\"000000\"}".replace("000000", wrongCode(key, step)))
                .post("/api/v1/admin/account/totp/confirm").then().statusCode(400).body("errors", hasKey("code"));
        session.given().contentType(ContentType.JSON).body("{\"code\":\"" + Totp.code(key, step) + "\"}")
                .post("/api/v1/admin/account/totp/confirm").then().statusCode(204);

        login(user, Admins.PASSWORD, "", "10.1.5.1").then().statusCode(401).body("error", equalTo("second_factor_required"));
        login(user, Admins.PASSWORD, wrongCode(key, step + 1), "10.1.5.2").then().statusCode(401).body("error", equalTo("wrong_second_factor"));
        String next = Totp.code(key, step + 1);
        login(user, Admins.PASSWORD, next, "10.1.5.3").then().statusCode(200).body("totp", equalTo(true));
        login(user, Admins.PASSWORD, next, "10.1.5.4").then().statusCode(401).body("error", equalTo("wrong_second_factor"));
    }

    /** A six-digit code that is none of the codes valid around {@code step}. */
    private static String wrongCode(byte[] key, long step) {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean valid = false;
            for (long s = step - 2; s <= step + 2; s++) {
                valid |= Totp.code(key, s).equals(code);
            }
            if (!valid) {
                return code;
            }
        }
    }
}
