package io.stratum.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;

/** Runtime settings through the admin API: every save is a new version with who and when; the Logs switch. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class SettingsIT {
    private static final Logger LOGGER = Logger.getLogger(SettingsIT.class);

    @Test
    void shouldKeepEveryVersionOfASettingWithWhoChangedItAndWhen() {
        Admins.Session first = Admins.login(Admins.create("settings-a", "ADMINISTRATOR", ""));
        Admins.Session second = Admins.login(Admins.create("settings-b", "ADMINISTRATOR", ""));
        int before = registrationHistory(first).size();
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(5);

        first.given().contentType(ContentType.JSON).body(Map.of("emailMask", ".*@first\\.example", "phoneRegistration", false))
                .put("/api/v1/admin/settings/registration").then().statusCode(204);
        second.given().contentType(ContentType.JSON).body(Map.of("emailMask", ".*@second\\.example", "phoneRegistration", true))
                .put("/api/v1/admin/settings/registration").then().statusCode(204);

        List<Map<String, Object>> versions = registrationHistory(first);
        assertEquals(before + 2, versions.size(), versions.toString());
        Map<String, Object> newest = versions.get(0);
        Map<String, Object> previous = versions.get(1);
        assertEquals(before + 2, newest.get("version"));
        assertEquals(before + 1, previous.get("version"));
        if (before == 0) {
            assertEquals(2, newest.get("version"), "the second save of a setting is its version 2");
        }
        assertEquals(second.username(), newest.get("changedBy"));
        assertEquals(first.username(), previous.get("changedBy"));
        assertTrue(((String) newest.get("value")).contains("second"), newest.toString());
        assertTrue(((String) previous.get("value")).contains("first"), previous.toString());
        OffsetDateTime newestAt = OffsetDateTime.parse((String) newest.get("changedAt"));
        OffsetDateTime previousAt = OffsetDateTime.parse((String) previous.get("changedAt"));
        assertTrue(previousAt.isAfter(start), previousAt + " is before the test started");
        assertFalse(newestAt.isBefore(previousAt), newestAt + " before " + previousAt);
        assertTrue(newestAt.isBefore(OffsetDateTime.now().plusSeconds(5)), newestAt.toString());

        String page = first.given().get("/admin/settings").then().statusCode(200).extract().asString();
        int history = page.indexOf("id=\"history-registration\"");
        assertTrue(history > 0, "the settings page shows the history of registration");
        String card = page.substring(history, page.indexOf("</section>", history));
        assertTrue(card.indexOf(second.username()) > 0 && card.indexOf(second.username()) < card.indexOf(first.username()),
                "the newest version, by " + second.username() + ", comes first: " + card);
    }

    @Test
    void shouldOfferNeitherPhoneRegistrationNorAnSmsProviderOnACts() {
        Admins.Session admin = Admins.login(Admins.create("cts-registration", "ADMINISTRATOR", ""));
        String page = admin.given().get("/admin/registration").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"email-mask\""), "a CTS sets the e-mail mask");
        assertTrue(page.contains("id=\"email-only\""), "a CTS says phone registration is an RTS setting");
        assertFalse(page.contains("id=\"phone-registration\""), "no phone registration on a CTS");
        assertFalse(page.contains("id=\"sms-form\""), "no SMS provider on a CTS");
        admin.given().get("/api/v1/admin/settings/sms").then().statusCode(404).body("error", equalTo("section_absent"));
        admin.given().contentType(ContentType.URLENC).formParam("smsUrl", "https://sms.example/send").post("/admin/registration/sms")
                .then().statusCode(404);
    }

    @Test
    void shouldHideLogLinesWhileTheLogsSectionIsSwitchedOff() {
        Admins.Session admin = Admins.login(Admins.create("logs", "ADMINISTRATOR", ""));
        try {
            // other tests of this JVM may have left the section off (AdminRightsIT saves an empty switch)
            admin.given().contentType(ContentType.JSON).body(Map.of("enabled", true)).put("/api/v1/admin/settings/logs")
                    .then().statusCode(204);
            String shown = "shown-before-" + UUID.randomUUID();
            LOGGER.warn(shown);
            admin.given().queryParam("text", shown).get("/api/v1/admin/logs").then().statusCode(200)
                    .body("enabled", equalTo(true)).body("lines.size()", equalTo(1));

            admin.given().contentType(ContentType.JSON).body(Map.of("enabled", false)).put("/api/v1/admin/settings/logs")
                    .then().statusCode(204);
            String hidden = "while-off-" + UUID.randomUUID();
            LOGGER.warn(hidden);
            admin.given().get("/api/v1/admin/logs").then().statusCode(200).body("enabled", equalTo(false))
                    .body("lines.size()", equalTo(0));
            String off = admin.given().get("/admin/logs").then().statusCode(200).extract().asString();
            assertTrue(off.contains("id=\"logs-off\""), "the page says the section is off");
            assertTrue(off.contains("switched off"), "the page says the section is off");
            assertFalse(off.contains("id=\"log-lines\""), "no log lines while off");
            assertFalse(off.contains(shown) || off.contains(hidden), "no log line while off");

            admin.given().contentType(ContentType.JSON).body(Map.of("enabled", true)).put("/api/v1/admin/settings/logs")
                    .then().statusCode(204);
            String again = "shown-again-" + UUID.randomUUID();
            LOGGER.warn(again);
            admin.given().queryParam("text", again).get("/api/v1/admin/logs").then().statusCode(200)
                    .body("enabled", equalTo(true)).body("lines.size()", equalTo(1));
            admin.given().queryParam("text", hidden).get("/api/v1/admin/logs").then().statusCode(200)
                    .body("lines.size()", equalTo(0));
            String on = admin.given().queryParam("text", again).get("/admin/logs").then().statusCode(200).extract().asString();
            assertFalse(on.contains("id=\"logs-off\""), "the page no longer says the section is off");
            assertTrue(on.contains(again), "the page shows the new line again");
        } finally {
            admin.given().contentType(ContentType.JSON).body(Map.of("enabled", true)).put("/api/v1/admin/settings/logs");
        }
    }

    private static List<Map<String, Object>> registrationHistory(Admins.Session admin) {
        JsonPath overview = admin.given().get("/api/v1/admin/settings").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> versions = overview.getList("find { it.name == 'registration' }.versions");
        assertEquals("registration", overview.getString("find { it.name == 'registration' }.section"));
        return versions;
    }
}
