package io.stratum.admin.graph;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.admin.Admins;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestSql;

/** The routing graph and chat paths through the admin API and the console's Servers and Graph pages. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class GraphIT {

    @Test
    void shouldDrawThisServerAndEveryTrustWithItsLinkState() {
        Admins.Session admin = Admins.login(Admins.create("graph", "ADMINISTRATOR", ""));
        String remote = trust(admin);
        chat(remote, null);

        JsonPath graph = admin.given().get("/api/v1/admin/graph").then().statusCode(200).extract().jsonPath();

        Map<String, Object> self = graph.getMap("nodes.find { it.id == 'admin-test' }");
        assertEquals(Map.of("id", "admin-test", "role", "CTS", "host", "localhost", "status", "SELF", "chats", self.get("chats")), self);
        Map<String, Object> partner = graph.getMap("nodes.find { it.id == '" + remote + "' }");
        assertEquals("CTS", partner.get("role"));
        assertEquals("chat.partner.example", partner.get("host"));
        assertEquals("RED", partner.get("status"), "nothing answers at the partner's address");
        assertEquals(1, partner.get("chats"));
        assertEquals("RTS", graph.getString("nodes.find { it.id == 'rts-upstream' }.role"), "the upstream trust from settings");
        List<Map<String, Object>> edges = graph.getList("edges");
        assertTrue(edges.contains(Map.of("from", "admin-test", "to", remote, "state", "RED")), edges.toString());
    }

    @Test
    void shouldShowTheHomeServerAndThePathToEachServerOfAChat() {
        Admins.Session admin = Admins.login(Admins.create("graph", "ADMINISTRATOR", ""));
        String remote = trust(admin);
        UUID chat = chat(remote, remote);

        admin.given().get("/api/v1/admin/graph/chats/" + chat + "/path").then().statusCode(200)
                .body("chatId", equalTo(chat.toString())).body("homeServer", equalTo(remote))
                .body("servers.server", equalTo(List.of(remote, "admin-test")))
                .body("servers[0].home", equalTo(true)).body("servers[0].members", equalTo(1))
                .body("servers[0].path", equalTo(List.of()))
                .body("servers[1].path", equalTo(List.of("admin-test"))).body("servers[1].members", equalTo(1));
    }

    @Test
    void shouldAnswer404ForAChatNotKnownHere() {
        Admins.Session admin = Admins.login(Admins.create("graph", "ADMINISTRATOR", ""));

        admin.given().get("/api/v1/admin/graph/chats/" + UUID.randomUUID() + "/path").then().statusCode(404)
                .body("error.code", equalTo("chat_not_found"));
        admin.given().get("/api/v1/admin/graph/chats/not-a-chat/path").then().statusCode(404).body("error.code", equalTo("chat_not_found"));
    }

    @Test
    void shouldLetOnlyAdministratorsWithTheTrustsSectionSeeTheGraph() {
        Admins.Session reader = Admins.login(Admins.create("graph-read", "LIMITED", "TRUSTS:READ"));
        Admins.Session other = Admins.login(Admins.create("graph-users", "LIMITED", "USERS:READ"));

        reader.given().get("/api/v1/admin/graph").then().statusCode(200).body("nodes.id", hasItem("admin-test"));
        reader.given().get("/admin/graph").then().statusCode(200).body(containsString("id=\"graph-canvas\""));
        reader.given().get("/admin/servers").then().statusCode(200);
        other.given().get("/api/v1/admin/graph").then().statusCode(403);
        other.given().get("/api/v1/admin/graph/chats/" + UUID.randomUUID() + "/path").then().statusCode(403);
        other.given().get("/admin/graph").then().statusCode(403);
        other.given().get("/admin/servers").then().statusCode(403);
    }

    @Test
    void shouldListServersByKindWithInformationForIntegrators() {
        Admins.Session admin = Admins.login(Admins.create("graph", "ADMINISTRATOR", ""));
        String remote = trust(admin);

        String cts = admin.given().get("/admin/servers?kind=cts").then().statusCode(200).extract().asString();
        assertTrue(cts.contains("id=\"server-" + remote + "\""), "a CTS trust is on the CTS tab");
        assertTrue(cts.contains("id=\"integration-id\">admin-test<"), "this server's id for partners");
        assertTrue(cts.contains("id=\"integration-role\">CTS<"));
        String ets = admin.given().get("/admin/servers?kind=ets").then().statusCode(200).extract().asString();
        assertTrue(!ets.contains("id=\"server-" + remote + "\""), "nor on another");
        assertTrue(admin.given().get("/admin/servers?kind=rts").then().statusCode(200).extract().asString().contains("id=\"server-rts-upstream\""));
        admin.given().get("/admin/assets/graph.js").then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void shouldShowBothPagesInRussian() {
        Admins.Session admin = Admins.login(Admins.create("graph", "ADMINISTRATOR", ""));

        admin.given().cookie("stratum_lang", "ru").get("/admin/servers").then().statusCode(200)
                .body(containsString("Информация для интеграторов")).body(containsString(">Граф</a>"));
        admin.given().cookie("stratum_lang", "ru").get("/admin/graph").then().statusCode(200)
                .body(containsString("Путь чата")).body(containsString("data-no-route-text=\"сейчас нет маршрута\""));
    }

    private static String trust(Admins.Session admin) {
        String remote = "cts-" + UUID.randomUUID().toString().substring(0, 8);
        admin.given().contentType(ContentType.JSON).body(Map.of("remoteId", remote, "name", "Partner " + remote, "kind", "CTS",
                "endpoint", "127.0.0.1:9", "clientHost", "chat.partner.example", "tokenForAccept", "graph-accept-token-0123456789",
                "tokenForConnect", "graph-connect-token-0123456789")).post("/api/v1/admin/trusts").then().statusCode(201);
        return remote;
    }

    /** A group chat with its home on {@code home}: a user of this server and, when {@code remoteMember} is set, one of that server. */
    private static UUID chat(String home, String remoteMember) {
        UUID chat = UUID.randomUUID();
        UUID local = UUID.randomUUID();
        TestSql.update("INSERT INTO chat (id, kind, name, home_server, created_by) VALUES (?, 'group', 'Graph', ?, ?)", chat, home, local);
        TestSql.update("INSERT INTO chat_member (chat_id, huid, joined_seq) VALUES (?, ?, 0)", chat, local);
        if (remoteMember != null) {
            TestSql.update("INSERT INTO chat_member (chat_id, huid, joined_seq, server) VALUES (?, ?, 0, ?)", chat, UUID.randomUUID(), remoteMember);
        }
        return chat;
    }
}
