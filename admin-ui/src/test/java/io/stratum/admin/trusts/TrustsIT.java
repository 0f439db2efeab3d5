package io.stratum.admin.trusts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.stratum.admin.Admins;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestSql;
import io.stratum.trusts.records.TrustRecords;

/** Trust records through the admin API: validation, write-only tokens, audit, the upstream trust from settings. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class TrustsIT {
    private static final String ACCEPT = "accept-token-from-partner-0001";
    private static final String CONNECT = "connect-token-to-partner-0002";

    @Inject
    TrustRecords records;

    @Test
    void shouldCreateChangeBlockAndDeleteATrustWithoutEverShowingItsTokens() throws Throwable {
        Admins.Session admin = Admins.login(Admins.create("trusts", "ADMINISTRATOR", ""));
        String remote = "cts-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> draft = draft(remote);

        admin.given().contentType(ContentType.JSON).body(draft).post("/api/v1/admin/trusts").then().statusCode(201)
                .body("remoteId", equalTo(remote)).body("endpoint", equalTo("cts-c.partner.example:5001")).body("enabled", equalTo(true))
                .body("notes.partner", equalTo("Partner Ltd")).body("$", not(hasKey("tokenForAccept")));
        admin.given().contentType(ContentType.JSON).body(draft).post("/api/v1/admin/trusts").then().statusCode(409)
                .body("error.code", equalTo("trust_exists"));
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> records.acceptsToken(remote, ACCEPT)));
        assertFalse(VertxContextSupport.subscribeAndAwait(() -> records.acceptsToken(remote, CONNECT)), "the tokens are crosswise");
        assertEquals(CONNECT, VertxContextSupport.subscribeAndAwait(() -> records.connectToken(remote)));

        Map<String, Object> renamed = new HashMap<>(draft);
        renamed.put("name", "Partner C (renamed)");
        renamed.put("tokenForAccept", "");
        renamed.put("tokenForConnect", "");
        admin.given().contentType(ContentType.JSON).body(renamed).put("/api/v1/admin/trusts/" + remote).then().statusCode(200)
                .body("name", equalTo("Partner C (renamed)"));
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> records.acceptsToken(remote, ACCEPT)), "empty tokens keep the stored ones");

        admin.given().post("/api/v1/admin/trusts/" + remote + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        assertFalse(VertxContextSupport.subscribeAndAwait(() -> records.acceptsToken(remote, ACCEPT)), "a blocked trust accepts nobody");
        admin.given().post("/api/v1/admin/trusts/" + remote + "/enable").then().statusCode(200).body("enabled", equalTo(true));

        String listed = admin.given().get("/api/v1/admin/trusts").then().statusCode(200).extract().asString();
        assertTrue(listed.contains(remote));
        assertFalse(listed.contains(ACCEPT) || listed.contains(CONNECT), "tokens are never returned");
        assertEquals(0L, TestSql.scalar("SELECT count(*) FROM audit_log WHERE details LIKE ? OR details LIKE ?", "%" + ACCEPT + "%",
                "%" + CONNECT + "%"), "tokens never reach the audit log");
        assertEquals(4L, TestSql.scalar("SELECT count(*) FROM audit_log WHERE target = ? AND action IN "
                + "('trust.create', 'trust.update', 'trust.disable', 'trust.enable')", remote));

        admin.given().delete("/api/v1/admin/trusts/" + remote).then().statusCode(204);
        admin.given().get("/api/v1/admin/trusts/" + remote).then().statusCode(404).body("error.code", equalTo("trust_not_found"));
    }

    @Test
    void shouldNameEveryInvalidField() {
        Admins.Session admin = Admins.login(Admins.create("trusts", "ADMINISTRATOR", ""));
        Map<String, Object> bad = new HashMap<>(draft("bad id!"));
        bad.put("kind", "XTS");
        bad.put("endpoint", "host:99999");
        bad.put("tokenForAccept", "short");
        bad.put("notes", Map.of("update_responsibility", "nobody"));
        admin.given().contentType(ContentType.JSON).body(bad).post("/api/v1/admin/trusts").then().statusCode(400)
                .body("error", equalTo("invalid_input"))
                .body("errors.keySet()", org.hamcrest.Matchers.containsInAnyOrder("remoteId", "kind", "endpoint", "tokenForAccept",
                        "update_responsibility"));
        admin.given().contentType(ContentType.JSON).body("{not json").post("/api/v1/admin/trusts").then().statusCode(400);
    }

    @Test
    void shouldCreateTheUpstreamTrustFromSettingsAndKeepItOutOfTheConsolesReach() throws Throwable {
        Admins.Session admin = Admins.login(Admins.create("trusts", "ADMINISTRATOR", ""));
        admin.given().get("/api/v1/admin/trusts/rts-upstream").then().statusCode(200).body("upstream", equalTo(true))
                .body("endpoint", equalTo("rts.example.test:5001")).body("kind", equalTo("RTS"));
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> records.acceptsToken("rts-upstream", "upstream-accept-token-0123456789")));
        admin.given().delete("/api/v1/admin/trusts/rts-upstream").then().statusCode(409).body("error.code", equalTo("trust_upstream"));
    }

    @Test
    void shouldLetAReadOnlyAdministratorListButNotChange() {
        Admins.Session reader = Admins.login(Admins.create("trusts-read", "LIMITED", "TRUSTS:READ"));
        reader.given().get("/api/v1/admin/trusts").then().statusCode(200);
        reader.given().contentType(ContentType.JSON).body(draft("cts-x")).post("/api/v1/admin/trusts").then().statusCode(403);
    }

    @Test
    void shouldSortAndFilterTheTrustsTableInTheApiAndTheConsole() {
        Admins.Session admin = Admins.login(Admins.create("trusts", "ADMINISTRATOR", ""));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String zeta = trust(admin, "cts-z" + tag, "Zeta " + tag, "cts");
        String alpha = trust(admin, "ets-a" + tag, "Alpha " + tag, "ets");
        String mid = trust(admin, "cts-m" + tag, "Mid " + tag, "cts");

        admin.given().queryParam("filter", tag).queryParam("sort", "name").queryParam("desc", true).get("/api/v1/admin/trusts").then()
                .statusCode(200).body("remoteId", equalTo(java.util.List.of(zeta, mid, alpha)));
        admin.given().queryParam("filter", tag.toUpperCase()).queryParam("kind", "CTS").get("/api/v1/admin/trusts").then().statusCode(200)
                .body("remoteId", equalTo(java.util.List.of(mid, zeta)));
        admin.given().queryParam("filter", tag).queryParam("sort", "bogus").get("/api/v1/admin/trusts").then().statusCode(200)
                .body("remoteId", equalTo(java.util.List.of(mid, zeta, alpha)));

        String page = admin.given().queryParam("filter", tag).queryParam("sort", "name").queryParam("desc", true).get("/admin/trusts")
                .then().statusCode(200).extract().asString();
        assertEquals(java.util.List.of(zeta, mid, alpha), rows(page));
        assertTrue(page.contains("hx-get=\"/admin/trusts/states/table?filter=" + tag + "&amp;sort=name&amp;desc=true\""),
                "the table refreshes with the same filter and order");
        assertEquals(java.util.List.of(alpha), rows(admin.given().queryParam("filter", tag).queryParam("kind", "ets")
                .get("/admin/trusts/states/table").then().statusCode(200).extract().asString()));
        assertEquals(java.util.List.of(mid, zeta, alpha), rows(admin.given().queryParam("filter", tag).queryParam("sort", "1;select")
                .get("/admin/trusts").then().statusCode(200).extract().asString()), "an unknown column gives the default order: by kind");
        assertEquals(java.util.List.of(alpha), rows(admin.given().queryParam("filter", "ets-a" + tag).get("/admin/trusts").then()
                .statusCode(200).extract().asString()));
        String russian = admin.given().cookie("stratum_lang", "ru").queryParam("filter", tag).get("/admin/trusts").then().statusCode(200)
                .extract().asString();
        assertTrue(russian.contains("Фильтр по идентификатору, имени или адресу") && russian.contains("Все типы")
                && russian.contains("Все состояния"), "the filter speaks Russian");
        for (String remote : new String[] {zeta, alpha, mid}) {
            admin.given().delete("/api/v1/admin/trusts/" + remote).then().statusCode(204);
        }
    }

    private static String trust(Admins.Session admin, String remote, String name, String kind) {
        Map<String, Object> draft = draft(remote);
        draft.put("name", name);
        draft.put("kind", kind);
        draft.put("enabled", false);
        admin.given().contentType(ContentType.JSON).body(draft).post("/api/v1/admin/trusts").then().statusCode(201);
        return remote;
    }

    /** The trusts in the order the trusts table shows them. */
    private static java.util.List<String> rows(String html) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<tr id=\"trust-([^\"]+)\"").matcher(html);
        java.util.List<String> rows = new java.util.ArrayList<>();
        while (matcher.find()) {
            rows.add(matcher.group(1));
        }
        return rows;
    }

    private static Map<String, Object> draft(String remote) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("remoteId", remote);
        draft.put("name", "Partner C");
        draft.put("kind", "cts");
        draft.put("endpoint", "cts-c.partner.example");
        draft.put("clientHost", "chat.partner.example");
        draft.put("tokenForAccept", ACCEPT);
        draft.put("tokenForConnect", CONNECT);
        draft.put("allowTrustSearch", true);
        draft.put("notes", Map.of("partner", "Partner Ltd", "update_responsibility", "partner"));
        return draft;
    }
}
