package io.stratum.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.SmsProviderTestResource;
import io.stratum.testsupport.TestPolling;
import io.stratum.testsupport.TestSmsProvider;

/**
 * The console of a regional server (RTS): the sections a CTS only has answer 404 on page and API and
 * are neither in the menu nor offered as grants; the Registration page sets phone registration and the
 * SMS provider, and the next code goes through the provider the console set.
 */
@QuarkusTest
@TestProfile(RtsConsoleIT.Rts.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SmsProviderTestResource.class)
class RtsConsoleIT {
    /** The admin-ui test server as an RTS. */
    public static class Rts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stratum.server.role", "rts", "stratum.server.region", "ru");
        }
    }

    @Test
    void shouldAnswer404ForEveryPageAndApiOfTheDirectoryAndAddressBook() {
        Admins.Session admin = Admins.login(Admins.create("rts-absent", "ADMINISTRATOR", ""));
        List<String> wrong = new ArrayList<>();
        AdminRightsIT.RULES.forEach((endpoint, rule) -> {
            if ("DIRECTORY".equals(rule.section()) || "ADDRESS_BOOK".equals(rule.section())) {
                int status = AdminRightsIT.call(admin.given(), endpoint);
                if (status != 404) {
                    wrong.add(endpoint + " answered " + status + " instead of 404");
                }
            }
        });
        assertEquals("", String.join("\n", wrong));
        admin.given().get("/admin/directory").then().statusCode(404)
                .body(containsString("there is no directory section on this server: it is an RTS"));
        admin.given().get("/api/v1/admin/address-book").then().statusCode(404)
                .body("error", equalTo("section_absent")).body("message", containsString("address book"));
    }

    @Test
    void shouldShowTheRoleSectionsInTheMenuWithoutDirectoryAndPartnerTrusts() {
        Admins.Session admin = Admins.login(Admins.create("rts-menu", "ADMINISTRATOR", ""));
        String page = admin.given().get("/admin/server").then().statusCode(200).extract().asString();
        String nav = page.substring(page.indexOf("id=\"sections\""), page.indexOf("</nav>", page.indexOf("id=\"sections\"")));
        for (String present : List.of("server", "registration", "users", "chats", "servers", "graph", "audit", "settings")) {
            assertTrue(nav.contains("id=\"nav-" + present + "\""), "the RTS menu has " + present + ": " + nav);
        }
        for (String absent : List.of("directory", "address_book", "trusts")) {
            assertFalse(nav.contains("id=\"nav-" + absent + "\""), "the RTS menu has no " + absent + ": " + nav);
        }
        assertTrue(page.contains("· RTS</span>"), "the badge says RTS");
        admin.given().get("/admin/servers").then().statusCode(200).body(containsString("id=\"tab-CTS\""));
    }

    @Test
    void shouldNeitherOfferNorAcceptGrantsOfSectionsTheRoleHasNot() {
        Admins.Session admin = Admins.login(Admins.create("rts-grants", "ADMINISTRATOR", ""));
        String page = admin.given().get("/admin/administrators").then().statusCode(200).extract().asString();
        assertTrue(page.contains("section_REGISTRATION"), "the registration section is offered");
        assertFalse(page.contains("section_DIRECTORY"), "the directory section is not offered on an RTS");
        assertFalse(page.contains("section_ADDRESS_BOOK"), "the address book is not offered on an RTS");
        admin.given().contentType(ContentType.URLENC).formParam("username", "rts-limited-dir").formParam("password", Admins.PASSWORD + "-x")
                .formParam("role", "LIMITED").formParam("section_DIRECTORY", "READ").post("/admin/administrators")
                .then().statusCode(400).body(containsString("there is no section DIRECTORY on this RTS"));
    }

    @Test
    void shouldSendTheNextCodeThroughTheSmsProviderSetInTheConsole() throws SQLException {
        Admins.Session admin = Admins.login(Admins.create("rts-sms", "ADMINISTRATOR", ""));
        String page = admin.given().get("/admin/registration").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"phone-registration\""), "an RTS sets phone registration");
        assertTrue(page.contains("value=\"" + TestSmsProvider.url() + "\""), "settings.yaml's provider is the default: " + page);
        assertTrue(page.contains("id=\"sms-token-set\""), "the token of settings.yaml is set");
        assertFalse(page.contains(TestSmsProvider.TOKEN), "the token is never rendered");
        admin.given().contentType(ContentType.URLENC).formParam("emailMask", ".+").formParam("phoneRegistration", "true")
                .post("/admin/registration").then().statusCode(200).body(containsString("id=\"notice\""));

        admin.given().contentType(ContentType.URLENC).formParam("smsUrl", "ftp://sms.example/send").formParam("smsLogin", "x")
                .formParam("smsToken", "").formParam("smsSender", "Stratum").post("/admin/registration/sms")
                .then().statusCode(400).body(containsString("id=\"smsUrl-error\"")).body(containsString("http:// or https://"))
                .body(containsString("value=\"ftp://sms.example/send\""));

        String saved = admin.given().contentType(ContentType.URLENC).formParam("smsUrl", TestSmsProvider.consoleUrl())
                .formParam("smsLogin", TestSmsProvider.CONSOLE_LOGIN).formParam("smsToken", TestSmsProvider.CONSOLE_PASSWORD)
                .formParam("smsSender", "RTS-RU").post("/admin/registration/sms").then().statusCode(200)
                .body(containsString("id=\"notice\"")).body(containsString("SMS provider saved"))
                .body(containsString("id=\"sms-token-set\"")).extract().asString();
        assertFalse(saved.contains(TestSmsProvider.CONSOLE_PASSWORD), "the password is never rendered back");

        String phone = "+7999" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("phone", phone)).post("/api/v1/auth/phone/code").then().statusCode(202);
        awaitConsoleSms(phone);
        assertEquals("RTS-RU", TestSmsProvider.consoleMessagesTo(phone).get(0).getString("from"));

        // An empty password keeps the stored one: the next code still reaches the console account.
        admin.given().contentType(ContentType.URLENC).formParam("smsUrl", TestSmsProvider.consoleUrl())
                .formParam("smsLogin", TestSmsProvider.CONSOLE_LOGIN).formParam("smsToken", "")
                .formParam("smsSender", "RTS-RU").post("/admin/registration/sms").then().statusCode(200);
        String other = "+7998" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("phone", other)).post("/api/v1/auth/phone/code").then().statusCode(202);
        awaitConsoleSms(other);

        String russian = admin.given().cookie("stratum_lang", "ru").get("/admin/registration").then().statusCode(200).extract().asString();
        assertTrue(russian.contains("SMS-провайдер") && russian.contains("Регистрация по телефону") && russian.contains("задан"),
                "the RTS texts in Russian");

        JsonPath api = admin.given().get("/api/v1/admin/settings/sms").then().statusCode(200).extract().jsonPath();
        assertEquals(TestSmsProvider.consoleUrl(), api.getString("url"));
        assertEquals(true, api.getBoolean("tokenSet"));
        admin.given().get("/api/v1/admin/settings/sms").then().body(not(containsString(TestSmsProvider.CONSOLE_PASSWORD)));

        String details = newestAudit("settings.sms");
        assertTrue(details.contains(TestSmsProvider.consoleUrl()), details);
        assertFalse(details.contains(TestSmsProvider.CONSOLE_PASSWORD), "the audit masks the password: " + details);
        String history = admin.given().get("/api/v1/admin/settings").then().statusCode(200).extract().asString();
        assertTrue(history.contains("sms.provider"), "the SMS provider is a versioned runtime setting");
        assertFalse(history.contains(TestSmsProvider.CONSOLE_PASSWORD), "history masks the password");
    }

    private static String newestAudit(String action) throws SQLException {
        try (Connection connection = Admins.connect();
                PreparedStatement query = connection.prepareStatement("SELECT details FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 1")) {
            query.setString(1, action);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "an audit record " + action);
                return rows.getString(1);
            }
        }
    }

    /** Waits for an SMS accepted by the console's provider account. */
    private static void awaitConsoleSms(String phone) {
        TestPolling.await("an SMS to " + phone + " through the provider set in the console", Duration.ofSeconds(20),
                () -> !TestSmsProvider.consoleMessagesTo(phone).isEmpty());
    }
}
