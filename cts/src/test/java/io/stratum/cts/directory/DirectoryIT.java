package io.stratum.cts.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.stratum.testsupport.TestLdap;
import io.vertx.core.json.JsonObject;

/**
 * Directory login and sync against a real OpenLDAP (slapd of the test's own): what a directory
 * user and an administrator observe through the client and admin APIs.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class DirectoryIT {
    private final TestLdap ldap = TestLdap.shared();
    private ConsoleAdmin admin;

    @BeforeEach
    void pointTheServerAtTheTestDirectory() {
        ldap.start();
        admin = ConsoleAdmin.full();
        Directory.configure(admin, ldap);
    }

    @Test
    void shouldLogInWithDirectoryCredentialsAndUseTheToken() {
        String uid = fresh("anna");
        Directory.addPerson(ldap, uid, "Anna Smirnova", "Accountant", "Finance", "+7 495 100-00-01");

        JsonPath login = Directory.login(uid, uid + "-pass").then().statusCode(200).extract().jsonPath();

        assertEquals(login.getString("huid") + "@cts-test", login.getString("address"));
        given().auth().oauth2(login.getString("access_token")).get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("Anna Smirnova")).body("email", equalTo(uid + "@corp.test"))
                .body("department", equalTo("Finance")).body("position", equalTo("Accountant"));
    }

    @Test
    void shouldGiveTheSameUserOnTheNextLogin() {
        String uid = fresh("boris");
        Directory.addPerson(ldap, uid, "Boris Orlov", "Engineer", "IT", "+7 495 100-00-02");

        String first = Directory.login(uid, uid + "-pass").then().statusCode(200).extract().path("huid");
        String second = Directory.login(uid.toUpperCase(java.util.Locale.ROOT), uid + "-pass").then().statusCode(200).extract().path("huid");

        assertEquals(first, second);
    }

    @Test
    void shouldRefuseAWrongPasswordOrAnUnknownLoginWith401() {
        String uid = fresh("clara");
        Directory.addPerson(ldap, uid, "Clara Lind", "Lawyer", "Legal", "+7 495 100-00-03");

        Directory.login(uid, "not-her-password").then().statusCode(401).body("error.code", equalTo("directory_credentials_invalid"));
        Directory.login(fresh("nobody"), "whatever").then().statusCode(401).body("error.code", equalTo("directory_credentials_invalid"));
        Directory.login(uid, "").then().statusCode(400).body("error.code", equalTo("password_missing"));
    }

    @Test
    void shouldLimitFailedLoginsPerLogin() {
        String uid = fresh("dmitri");
        Directory.addPerson(ldap, uid, "Dmitri Volkov", "Driver", "Logistics", "+7 495 100-00-04");
        for (int i = 0; i < 5; i++) {
            Directory.login(uid, "guess-" + i).then().statusCode(401);
        }

        Directory.login(uid, uid + "-pass").then().statusCode(429).body("error.code", equalTo("too_many_attempts"));
    }

    @Test
    void shouldFillTheAddressBookOnSyncSearchableByDepartmentAndPhone() {
        String department = "Dept-" + UUID.randomUUID().toString().substring(0, 6);
        String elena = fresh("elena");
        String fedor = fresh("fedor");
        Directory.addPerson(ldap, elena, "Elena Kuznetsova", "Analyst", department, "+7 812 555-12-34");
        Directory.addPerson(ldap, fedor, "Fedor Ivanov", "Manager", department, "+7 812 555-98-76");

        admin.given().post("/api/v1/admin/directory/sync").then().statusCode(200)
                .body("result", equalTo("ok")).body("created", greaterThanOrEqualTo(2));
        String token = Directory.login(elena, elena + "-pass").then().statusCode(200).extract().path("access_token");

        given().auth().oauth2(token).queryParam("q", department.toLowerCase(java.util.Locale.ROOT)).get("/api/v1/address-book")
                .then().statusCode(200).body("total", equalTo(2))
                .body("entries.name", hasItem("Fedor Ivanov")).body("entries.source", hasItem("directory"));
        given().auth().oauth2(token).queryParam("q", "78125559876").get("/api/v1/address-book")
                .then().statusCode(200).body("total", equalTo(1)).body("entries[0].email", equalTo(fedor + "@corp.test"))
                .body("entries[0].phones[0]", equalTo("+7 812 555-98-76"));
        admin.given().get("/api/v1/admin/directory/sync").then().statusCode(200).body("result", equalTo("ok"))
                .body("trigger", equalTo("admin"));
    }

    @Test
    void shouldUpdateTheEntryAndTheUserWhenTheDirectoryChanges() {
        String uid = fresh("galina");
        Directory.addPerson(ldap, uid, "Galina Popova", "Clerk", "Sales", "+7 495 100-00-07");
        String token = Directory.login(uid, uid + "-pass").then().statusCode(200).extract().path("access_token");

        ldap.replace(TestLdap.personDn(uid), "title", "Head of Sales");
        ldap.replace(TestLdap.personDn(uid), "telephoneNumber", "+7 495 700-00-77");
        admin.given().post("/api/v1/admin/directory/sync").then().statusCode(200).body("updated", greaterThanOrEqualTo(1));

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("position", equalTo("Head of Sales"));
        given().auth().oauth2(token).queryParam("q", uid).get("/api/v1/address-book").then().statusCode(200)
                .body("entries[0].position", equalTo("Head of Sales")).body("entries[0].phones[0]", equalTo("+7 495 700-00-77"));
    }

    @Test
    void shouldDisableADeletedUserRevokeTheTokenAndCloseTheWebSocket() {
        String uid = fresh("ivan");
        Directory.addPerson(ldap, uid, "Ivan Sidorov", "Courier", "Logistics", "+7 495 100-00-09");
        String token = Directory.login(uid, uid + "-pass").then().statusCode(200).extract().path("access_token");
        try (TestDevice device = TestDevice.online(RestAssured.port, token, new JsonObject())) {
            ldap.delete(TestLdap.personDn(uid));

            admin.given().post("/api/v1/admin/directory/sync").then().statusCode(200).body("disabled", greaterThanOrEqualTo(1));

            assertEquals(4401, device.closeCode());
        }
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
        admin.given().queryParam("q", uid).get("/api/v1/admin/address-book").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldDisableAUserMarkedDisabledInTheDirectoryAndBringThemBackWhenEnabled() {
        String uid = fresh("julia");
        Directory.addPerson(ldap, uid, "Julia Belova", "Designer", "Marketing", "+7 495 100-00-10");
        String token = Directory.login(uid, uid + "-pass").then().statusCode(200).extract().path("access_token");
        try (TestDevice device = TestDevice.online(RestAssured.port, token, new JsonObject())) {
            ldap.replace(TestLdap.personDn(uid), "employeeType", "disabled");

            admin.given().post("/api/v1/admin/directory/sync").then().statusCode(200).body("disabled", greaterThanOrEqualTo(1));

            assertEquals(4401, device.closeCode());
        }
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
        Directory.login(uid, uid + "-pass").then().statusCode(403).body("error.code", equalTo("user_disabled"));

        ldap.replace(TestLdap.personDn(uid), "employeeType", "staff");
        admin.given().post("/api/v1/admin/directory/sync").then().statusCode(200);
        Directory.login(uid, uid + "-pass").then().statusCode(200);
    }

    @Test
    void shouldAnswer503WhenTheDirectoryIsDownAndKeepServing() {
        String uid = fresh("kirill");
        Directory.addPerson(ldap, uid, "Kirill Egorov", "Auditor", "Audit", "+7 495 100-00-11");
        String token = Directory.login(uid, uid + "-pass").then().statusCode(200).extract().path("access_token");

        ldap.stop();
        try {
            Directory.login(uid, uid + "-pass").then().statusCode(503).body("error.code", equalTo("directory_unavailable"));
            admin.given().post("/api/v1/admin/directory/sync").then().statusCode(503).body("error.code", equalTo("directory_unavailable"));
            admin.given().get("/api/v1/admin/directory/sync").then().statusCode(200).body("result", equalTo("failed"))
                    .body("error", not(equalTo(null)));
            given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("name", equalTo("Kirill Egorov"));
        } finally {
            ldap.start();
        }
        Directory.login(uid, uid + "-pass").then().statusCode(200);
    }

    @Test
    void shouldNeverReturnTheBindPasswordAndRefuseAWrongOneClearly() {
        String settings = admin.given().get("/api/v1/admin/directory/settings").then().statusCode(200)
                .body("bindPasswordSet", equalTo(true)).extract().asString();
        assertFalse(settings.contains(TestLdap.MANAGER_PASSWORD), settings);
        admin.given().get("/api/v1/admin/settings").then().statusCode(200)
                .body("find { it.name == 'directory' }.versions[0].value", org.hamcrest.Matchers.containsString("\"bindPasswordSealed\":\"***\""));

        java.util.Map<String, Object> wrong = ldap.directorySettings();
        wrong.put("bindPassword", "not-the-manager-password");
        admin.given().body(wrong).put("/api/v1/admin/directory/settings").then().statusCode(204);
        admin.given().post("/api/v1/admin/directory/sync").then().statusCode(502).body("error.code", equalTo("directory_refused"));
        String uid = fresh("lev");
        Directory.addPerson(ldap, uid, "Lev Markov", "Guard", "Security", "+7 495 100-00-12");
        Directory.login(uid, uid + "-pass").then().statusCode(503).body("error.code", equalTo("directory_misconfigured"));
    }

    @Test
    void shouldSyncOnScheduleOnceTheIntervalHasPassed() {
        String uid = fresh("maria");
        Directory.addPerson(ldap, uid, "Maria Scheduled", "Planner", "Planning", "+7 495 100-00-13");
        java.util.Map<String, Object> scheduled = ldap.directorySettings();
        scheduled.put("syncIntervalMinutes", 1);
        admin.given().body(scheduled).put("/api/v1/admin/directory/settings").then().statusCode(204);

        // The last sync started longer ago than the interval (instead of waiting a minute).
        io.stratum.testsupport.TestSql.update("UPDATE directory_sync SET started_at = now() - interval '2 minutes'");

        io.stratum.testsupport.TestPolling.await("a scheduled sync", java.time.Duration.ofSeconds(30), () -> {
            JsonPath status = admin.given().get("/api/v1/admin/directory/sync").then().statusCode(200).extract().jsonPath();
            return "schedule".equals(status.getString("trigger")) && !status.getBoolean("running") && status.getString("result") != null;
        });
        admin.given().queryParam("q", uid).get("/api/v1/admin/address-book").then().statusCode(200).body("total", equalTo(1))
                .body("entries[0].name", equalTo("Maria Scheduled"));

        // No scheduled sync may run into the next test's syncs.
        Directory.configure(admin, ldap);
        io.stratum.testsupport.TestPolling.await("no sync running", java.time.Duration.ofSeconds(30),
                () -> !admin.given().get("/api/v1/admin/directory/sync").then().extract().jsonPath().getBoolean("running"));
    }

    @Test
    void shouldShowTheSettingsWithoutThePasswordAndSyncFromTheConsolePage() {
        String page = admin.given().contentType("").get("/admin/directory").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains(ldap.url()) && page.contains("A password is set."), page);
        assertFalse(page.contains(TestLdap.MANAGER_PASSWORD), page);

        String synced = admin.given().contentType("application/x-www-form-urlencoded").formParam("_", "")
                .post("/admin/directory/sync").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(synced.contains("Synced.") && synced.contains("id=\"sync-result\">ok"), synced);
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
