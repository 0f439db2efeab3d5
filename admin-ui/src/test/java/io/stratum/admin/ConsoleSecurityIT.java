package io.stratum.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;

/** The console's HTTP hardening: CSP and other headers, cookie flags, no inline script or style, no secret rendered back. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ConsoleSecurityIT {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);

    @Test
    void shouldSendTheSecurityHeadersOnConsoleAndApi() {
        for (String path : List.of("/admin/login", "/api/v1/admin/session", "/admin/assets/console.css")) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
    }

    @Test
    void shouldSetAStrictHttpOnlySessionCookie() {
        String user = Admins.create("cookie", "ADMINISTRATOR", "");
        Response response = given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.2.0.1")
                .body("{\"username\":\"" + user + "\",\"password\":\"" + Admins.PASSWORD + "\"}").post("/api/v1/admin/session");
        String cookie = response.getHeader("Set-Cookie");
        assertTrue(cookie.startsWith("stratum_admin="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        // plain HTTP here; behind HTTPS the cookie is also Secure
        assertFalse(cookie.contains("Secure"), cookie);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.2.0.1").header("X-Forwarded-Proto", "https")
                .body("{\"username\":\"" + user + "\",\"password\":\"" + Admins.PASSWORD + "\"}").post("/api/v1/admin/session")
                .then().statusCode(200).header("Set-Cookie", containsString("Secure"));
    }

    @Test
    void shouldServePagesWithoutInlineScriptOrStyle() {
        Admins.Session session = Admins.login(Admins.create("pages", "ADMINISTRATOR", ""));
        for (String page : List.of("/admin/login", "/admin/server", "/admin/administrators", "/admin/audit", "/admin/settings",
                "/admin/email", "/admin/registration", "/admin/monitoring", "/admin/logs", "/admin/account", "/admin/servers", "/admin/graph",
                "/admin/users", "/admin/chats", "/admin/trusts", "/admin/address_book", "/admin/directory", "/admin/global_chat")) {
            String html = session.given().get(page).then().statusCode(200).contentType(containsString("text/html")).extract().asString();
            assertFalse(INLINE_SCRIPT.matcher(html).find(), page + " has an inline script");
            assertFalse(INLINE_STYLE.matcher(html).find(), page + " has an inline style or event handler");
        }
    }

    @Test
    void shouldRefuseALoginPostedFromAnotherSite() {
        String user = Admins.create("origin", "ADMINISTRATOR", "");
        given().contentType(ContentType.JSON).header("Origin", "https://evil.example").header("X-Forwarded-For", "10.2.0.2")
                .body("{\"username\":\"" + user + "\",\"password\":\"" + Admins.PASSWORD + "\"}").post("/api/v1/admin/session")
                .then().statusCode(403).body("error", equalTo("cross_origin"));
    }

    @Test
    void shouldNeverRenderTheSmtpPasswordBack() {
        Admins.Session session = Admins.login(Admins.create("mailpw", "ADMINISTRATOR", ""));
        session.given().contentType(ContentType.JSON)
                .body("{\"from\":\"a@corp.example\",\"host\":\"127.0.0.1\",\"port\":\"2525\",\"user\":\"mailer\",\"password\":\"smtp-secret-991\",\"security\":\"NONE\"}")
                .put("/api/v1/admin/settings/mail").then().statusCode(204);
        session.given().get("/api/v1/admin/settings/mail").then().statusCode(200).body("passwordSet", equalTo(true))
                .body(not(containsString("smtp-secret-991")));
        String html = session.given().get("/admin/email").then().statusCode(200).extract().asString();
        assertFalse(html.contains("smtp-secret-991"));
        assertTrue(html.contains("id=\"password-set\""));
        String settings = session.given().get("/admin/settings").then().statusCode(200).extract().asString();
        assertFalse(settings.contains("smtp-secret-991"));
        session.given().get("/api/v1/admin/audit?text=settings.mail").then().statusCode(200)
                .body(not(containsString("smtp-secret-991"))).body(containsString("settings.mail"));
    }

    @Test
    void shouldAcceptAValidCertificateChainAndExplainAWrongKey() throws Exception {
        var material = TestCertificates.chain();
        Admins.Session session = Admins.login(Admins.create("cert", "ADMINISTRATOR", ""));
        session.given().contentType(ContentType.JSON).body(java.util.Map.of("certificate", material.leafThenIssuer(), "privateKey", material.otherKey()))
                .put("/api/v1/admin/server/certificate").then().statusCode(400)
                .body("errors.privateKey", equalTo("this key does not belong to the first certificate"));
        session.given().contentType(ContentType.JSON).body(java.util.Map.of("certificate", material.issuerThenLeaf(), "privateKey", material.leafKey()))
                .put("/api/v1/admin/server/certificate").then().statusCode(400)
                .body("errors.certificate", containsString("put the server certificate first"));
        session.given().contentType(ContentType.JSON).body(java.util.Map.of("certificate", material.leafThenIssuer(), "privateKey", material.leafKey()))
                .put("/api/v1/admin/server/certificate").then().statusCode(200)
                .body("subject", equalTo("CN=cts.corp.example")).body("chainLength", equalTo(2));
        session.given().get("/api/v1/admin/server/certificate").then().statusCode(200).body(not(containsString("PRIVATE KEY")))
                .body("fingerprint", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void shouldStoreTheBotxCertificateLikeTheTrustCertificateAndNeverShowItsKey() throws Exception {
        var material = TestCertificates.chain();
        Admins.Session session = Admins.login(Admins.create("botx", "ADMINISTRATOR", ""));
        session.given().contentType(ContentType.JSON).body(java.util.Map.of("certificate", material.leafThenIssuer(), "privateKey", material.otherKey()))
                .put("/api/v1/admin/server/botx-certificate").then().statusCode(400)
                .body("errors.privateKey", equalTo("this key does not belong to the first certificate"));
        session.given().contentType(ContentType.JSON).body(java.util.Map.of("certificate", material.issuerThenLeaf(), "privateKey", material.leafKey()))
                .put("/api/v1/admin/server/botx-certificate").then().statusCode(400)
                .body("errors.certificate", containsString("put the server certificate first"));
        // The console shows the wrong-key error next to the BotX card's key field, and not the key.
        String refused = session.given().contentType(ContentType.URLENC).formParam("certificate", material.leafThenIssuer())
                .formParam("privateKey", material.otherKey()).post("/admin/server/botx-certificate").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"botx-privateKey-error\""), refused);
        assertFalse(refused.contains("PRIVATE KEY"), "the submitted key is rendered back");

        String expiry = session.given().contentType(ContentType.JSON)
                .body(java.util.Map.of("certificate", material.leafThenIssuer(), "privateKey", material.leafKey()))
                .put("/api/v1/admin/server/botx-certificate").then().statusCode(200)
                .body("subject", equalTo("CN=cts.corp.example")).body("chainLength", equalTo(2)).extract().path("notAfter");
        session.given().get("/api/v1/admin/server/botx-certificate").then().statusCode(200).body(not(containsString("PRIVATE KEY")))
                .body("fingerprint", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")).body("notAfter", equalTo(expiry));
        String page = session.given().get("/admin/server").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"botx-subject\">CN=cts.corp.example<"), page);
        assertTrue(page.contains("id=\"botx-expires\">" + expiry), page);
        assertFalse(page.contains("PRIVATE KEY-----"), "a private key is rendered on the server page");
        assertTrue(io.stratum.testsupport.TestSql.scalar("SELECT count(*) FROM audit_log WHERE action = 'server.botx-certificate' AND actor = ?",
                session.username()).equals(1L));

        session.given().delete("/api/v1/admin/server/botx-certificate").then().statusCode(204);
        session.given().get("/api/v1/admin/server/botx-certificate").then().statusCode(404).body("error", equalTo("not_set"));
        assertTrue(session.given().get("/admin/server").then().statusCode(200).extract().asString().contains("id=\"botx-none\""));
        assertTrue(session.given().header("Accept-Language", "ru").get("/admin/server").then().statusCode(200).extract().asString()
                .contains("Сертификат BotX не задан."));
    }

    @Test
    void shouldRefuseAnExpiredCertificateAndSayWhenItExpired() throws Exception {
        var material = TestCertificates.expired("CN=expired.corp.example");
        Admins.Session session = Admins.login(Admins.create("expired", "ADMINISTRATOR", ""));
        session.given().contentType(ContentType.JSON).body(java.util.Map.of("certificate", material.leafThenIssuer(), "privateKey", material.leafKey()))
                .put("/api/v1/admin/server/certificate").then().statusCode(400)
                .body("errors.certificate", org.hamcrest.Matchers.startsWith("the certificate expired on "));
        session.given().get("/api/v1/admin/server/certificate").then().body(not(containsString("expired.corp.example")));
    }
}
