package io.stratum.cts.addressbook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.stratum.common.password.PasswordHash;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestSql;

/** The address book as users search it and administrators edit it, under the corporate search setting and the console's rights. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class AddressBookIT {
    private static final String PASSWORD = "correct-horse-battery-42";

    @Inject
    MailSettingsStore mailSettings;

    private RequestSpecification admin;
    private String token;

    @BeforeEach
    void aLoggedInUserAndAnAdministrator() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
        admin = adminSession("ADMINISTRATOR", "");
        admin.body(Map.of("corporateSearch", true)).put("/api/v1/admin/address-book/settings").then().statusCode(204);
        token = MailboxLogin.logIn("reader-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.test", "web")
                .getString("access_token");
    }

    @Test
    void shouldFindEntriesByAnyFieldIgnoringCaseAndPage() {
        String team = "Team" + UUID.randomUUID().toString().substring(0, 6);
        create("Olga Sokolova", "Buyer", team, "olga." + team + "@corp.test", List.of("+7 343 200-10-20"));
        create("Pavel Sokolov", "Buyer", team, "pavel." + team + "@corp.test", List.of("+7 343 200-10-21"));

        search(team.toUpperCase(Locale.ROOT), 0, 50).body("total", equalTo(2)).body("entries", hasSize(2))
                .body("entries.name", hasItem("Olga Sokolova")).body("corporate_search", equalTo(true));
        search("sokolov " + team.toLowerCase(Locale.ROOT), 0, 1).body("total", equalTo(2)).body("entries", hasSize(1))
                .body("entries[0].name", equalTo("Olga Sokolova"));
        search("sokolov " + team, 1, 1).body("entries[0].name", equalTo("Pavel Sokolov"));
        search("3432001021", 0, 50).body("total", equalTo(1)).body("entries[0].email", equalTo("pavel." + team.toLowerCase(Locale.ROOT) + "@corp.test"));
        search("100%_" + team, 0, 50).body("total", equalTo(0));
    }

    @Test
    void shouldFindOnlyAnExactEMailWhenCorporateSearchIsOff() {
        String team = "Quiet" + UUID.randomUUID().toString().substring(0, 6);
        String email = "roman." + team.toLowerCase(Locale.ROOT) + "@corp.test";
        create("Roman Titov", "Chemist", team, email, List.of());
        admin.body(Map.of("corporateSearch", false)).put("/api/v1/admin/address-book/settings").then().statusCode(204);

        search(team, 0, 50).body("total", equalTo(0)).body("corporate_search", equalTo(false));
        search("Roman", 0, 50).body("total", equalTo(0));
        search(email.toUpperCase(Locale.ROOT), 0, 50).body("total", equalTo(1)).body("entries[0].name", equalTo("Roman Titov"));
        adminSession("ADMINISTRATOR", "").queryParam("q", team).get("/api/v1/admin/address-book").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void shouldLetAnAdministratorCreateEditAndDeleteAnEntryWithAudit() {
        String team = "Edit" + UUID.randomUUID().toString().substring(0, 6);
        String id = create("Sergei Frolov", "Porter", team, null, List.of("+7 800 000-00-01"));

        adminSession("ADMINISTRATOR", "").body(Map.of("name", "Sergei Frolov", "position", "Head porter", "department", team,
                        "phones", List.of("+7 800 000-00-02")))
                .put("/api/v1/admin/address-book/" + id).then().statusCode(200).body("position", equalTo("Head porter"));
        search(team, 0, 50).body("entries[0].position", equalTo("Head porter")).body("entries[0].phones[0]", equalTo("+7 800 000-00-02"))
                .body("entries[0].source", equalTo("manual"));

        adminSession("ADMINISTRATOR", "").delete("/api/v1/admin/address-book/" + id).then().statusCode(204);
        search(team, 0, 50).body("total", equalTo(0));
        adminSession("ADMINISTRATOR", "").get("/api/v1/admin/address-book/" + id).then().statusCode(404);
        assertEquals(3L, TestSql.scalar("SELECT count(*) FROM audit_log WHERE target = ? AND action LIKE 'address_book.%'", id));
    }

    @Test
    void shouldRefuseAnEntryWithoutANameWithTheField() {
        admin.body(Map.of("name", " ", "email", "x@corp.test")).post("/api/v1/admin/address-book").then().statusCode(400)
                .body("errors.name", equalTo("the name must not be empty"));
        adminSession("ADMINISTRATOR", "").body(Map.of("name", "Bad Mail", "email", "not-an-address"))
                .post("/api/v1/admin/address-book").then().statusCode(400).body("errors.email", equalTo(
                        "the e-mail must be an address such as name@corp.example"));
    }

    @Test
    void shouldRefuseALimitedAdministratorWithoutTheSection() {
        RequestSpecification auditor = adminSession("LIMITED", "AUDIT:READ");
        auditor.get("/api/v1/admin/address-book").then().statusCode(403);
        adminSession("LIMITED", "AUDIT:READ").body(Map.of("name", "Nope")).post("/api/v1/admin/address-book").then().statusCode(403);
        adminSession("LIMITED", "AUDIT:READ").post("/api/v1/admin/directory/sync").then().statusCode(403);

        adminSession("LIMITED", "ADDRESS_BOOK:READ").get("/api/v1/admin/address-book").then().statusCode(200);
        adminSession("LIMITED", "ADDRESS_BOOK:READ").body(Map.of("name", "Nope")).post("/api/v1/admin/address-book").then().statusCode(403);
        adminSession("LIMITED", "ADDRESS_BOOK:WRITE").body(Map.of("name", "Allowed " + UUID.randomUUID()))
                .post("/api/v1/admin/address-book").then().statusCode(201);
    }

    @Test
    void shouldShowTheBookOnTheConsolePage() {
        String team = "Page" + UUID.randomUUID().toString().substring(0, 6);
        create("Tatiana Zaitseva", "Translator", team, null, List.of("+7 383 300-30-30"));

        String html = adminSession("ADMINISTRATOR", "").contentType("").queryParam("q", team).get("/admin/address_book")
                .then().statusCode(200).extract().asString();

        org.junit.jupiter.api.Assertions.assertTrue(html.contains("Tatiana Zaitseva") && html.contains("+7 383 300-30-30"), html);
    }

    @Test
    void shouldSortAndFilterTheBookForAdministratorsInTheApiAndTheConsole() {
        String team = "Sort" + UUID.randomUUID().toString().substring(0, 6);
        String boris = create("Boris Antonov", "Welder", team, null, List.of());
        String anna = create("Anna Yakovleva", "Buyer", team, null, List.of());
        String clara = create("Clara Mironova", "Accountant", team, null, List.of());

        adminSession("ADMINISTRATOR", "").queryParam("q", team).queryParam("sort", "position").get("/api/v1/admin/address-book").then()
                .statusCode(200).body("total", equalTo(3)).body("entries.id", equalTo(List.of(clara, anna, boris)));
        adminSession("ADMINISTRATOR", "").queryParam("q", team).queryParam("sort", "name").queryParam("desc", true)
                .get("/api/v1/admin/address-book").then().statusCode(200).body("entries.id", equalTo(List.of(clara, boris, anna)));
        adminSession("ADMINISTRATOR", "").queryParam("q", team).queryParam("sort", "bogus").get("/api/v1/admin/address-book").then()
                .statusCode(200).body("entries.id", equalTo(List.of(anna, boris, clara)));

        String html = adminSession("ADMINISTRATOR", "").contentType("").queryParam("q", team).queryParam("sort", "name")
                .queryParam("desc", true).get("/admin/address_book").then().statusCode(200).extract().asString();
        assertEquals(List.of(clara, boris, anna), rows(html));
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("aria-sort=\"descending\"><a href=\"/admin/address_book?q=" + team
                + "&amp;sort=name&amp;desc=false\""), html);
        assertEquals(List.of(anna, boris, clara), rows(adminSession("ADMINISTRATOR", "").contentType("").queryParam("q", team)
                .queryParam("sort", "nothing").get("/admin/address_book").then().statusCode(200).extract().asString()),
                "an unknown column gives the default order: by name");
        assertEquals(List.of(boris), rows(adminSession("ADMINISTRATOR", "").contentType("").queryParam("q", "welder " + team)
                .get("/admin/address_book").then().statusCode(200).extract().asString()));
    }

    /** The entries in the order the console's table shows them. */
    private static List<String> rows(String html) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<tr id=\"entry-([0-9a-f-]{36})\"").matcher(html);
        List<String> rows = new java.util.ArrayList<>();
        while (matcher.find()) {
            rows.add(matcher.group(1));
        }
        return rows;
    }

    @Test
    void shouldRefuseSearchWithoutAToken() {
        RestAssured.given().get("/api/v1/address-book").then().statusCode(401);
    }

    private String create(String name, String position, String department, String email, List<String> phones) {
        Map<String, Object> entry = new java.util.HashMap<>(Map.of("name", name, "position", position, "department", department,
                "company", "Corp", "phones", phones));
        if (email != null) {
            entry.put("email", email);
        }
        return adminSession("ADMINISTRATOR", "").body(entry).post("/api/v1/admin/address-book").then().statusCode(201)
                .body("source", equalTo("manual")).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse search(String query, int page, int size) {
        return given().auth().oauth2(token).queryParam("q", query).queryParam("page", page).queryParam("size", size)
                .get("/api/v1/address-book").then().statusCode(200);
    }

    /** A new administrator, logged in; the request carries the session cookie and CSRF token. */
    private static RequestSpecification adminSession(String role, String sections) {
        String username = "ab-" + UUID.randomUUID().toString().substring(0, 8);
        TestSql.update("INSERT INTO administrator (username, password_hash, role, sections) VALUES (?, ?, ?, ?)",
                username, PasswordHash.hash(PASSWORD, 4), role, sections);
        io.restassured.response.Response login = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD)).post("/api/v1/admin/session");
        login.then().statusCode(200);
        return RestAssured.given().cookie("stratum_admin", login.getCookie("stratum_admin"))
                .header("X-CSRF-Token", login.jsonPath().getString("csrfToken")).contentType(ContentType.JSON);
    }
}
