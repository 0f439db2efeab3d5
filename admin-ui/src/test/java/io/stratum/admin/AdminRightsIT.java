package io.stratum.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;

/**
 * Every admin endpoint, from the OpenAPI document, against every kind of administrator: allowed
 * (anything but 401/403) or refused (403). An endpoint missing from {@link #RULES} fails the test:
 * a new endpoint must state who may call it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class AdminRightsIT {
    /** Who may call an endpoint: nobody logged in needed, any administrator, or a section at a level. */
    record Rule(String kind, String section, String access) {
        static Rule publicEndpoint() {
            return new Rule("public", null, null);
        }

        static Rule any() {
            return new Rule("any", null, null);
        }

        static Rule read(String section) {
            return new Rule("section", section, "READ");
        }

        static Rule write(String section) {
            return new Rule("section", section, "WRITE");
        }
    }

    /** The kinds of administrator tried, with what the test expects each may do (independent of the server's code). */
    record Kind(String name, String role, String sections) {
        boolean allowed(Rule rule) {
            return switch (rule.kind()) {
                case "public", "any" -> true;
                default -> switch (role) {
                    case "ADMINISTRATOR" -> !rule.section().equals("DLP");
                    case "SECURITY" -> rule.section().equals("DLP");
                    default -> sections.contains(rule.section() + ":WRITE")
                            || rule.access().equals("READ") && sections.contains(rule.section() + ":READ");
                };
            };
        }
    }

    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("POST /api/v1/admin/session", Rule.publicEndpoint()),
            Map.entry("GET /api/v1/admin/session", Rule.any()),
            Map.entry("DELETE /api/v1/admin/session", Rule.any()),
            Map.entry("DELETE /api/v1/admin/sessions", Rule.any()),
            Map.entry("PUT /api/v1/admin/account/password", Rule.any()),
            Map.entry("POST /api/v1/admin/account/totp", Rule.any()),
            Map.entry("POST /api/v1/admin/account/totp/confirm", Rule.any()),
            Map.entry("POST /api/v1/admin/account/totp/disable", Rule.any()),
            Map.entry("GET /api/v1/admin/administrators", Rule.read("ADMINISTRATORS")),
            Map.entry("POST /api/v1/admin/administrators", Rule.write("ADMINISTRATORS")),
            Map.entry("PUT /api/v1/admin/administrators/{id}/rights", Rule.write("ADMINISTRATORS")),
            Map.entry("POST /api/v1/admin/administrators/{id}/reset", Rule.write("ADMINISTRATORS")),
            Map.entry("DELETE /api/v1/admin/administrators/{id}", Rule.write("ADMINISTRATORS")),
            Map.entry("GET /api/v1/admin/audit", Rule.read("AUDIT")),
            Map.entry("POST /api/v1/admin/global-chat/messages", Rule.write("GLOBAL_CHAT")),
            Map.entry("GET /api/v1/admin/trusts", Rule.read("TRUSTS")),
            Map.entry("POST /api/v1/admin/trusts", Rule.write("TRUSTS")),
            Map.entry("GET /api/v1/admin/trusts/{remoteId}", Rule.read("TRUSTS")),
            Map.entry("GET /api/v1/admin/trusts/{remoteId}/link", Rule.read("TRUSTS")),
            Map.entry("PUT /api/v1/admin/trusts/{remoteId}", Rule.write("TRUSTS")),
            Map.entry("DELETE /api/v1/admin/trusts/{remoteId}", Rule.write("TRUSTS")),
            Map.entry("POST /api/v1/admin/trusts/{remoteId}/enable", Rule.write("TRUSTS")),
            Map.entry("POST /api/v1/admin/trusts/{remoteId}/disable", Rule.write("TRUSTS")),
            Map.entry("GET /api/v1/admin/graph", Rule.read("TRUSTS")),
            Map.entry("GET /api/v1/admin/graph/attached", Rule.read("TRUSTS")),
            Map.entry("GET /api/v1/admin/graph/chats/{chatId}/path", Rule.read("TRUSTS")),
            Map.entry("POST /api/v1/admin/audit/verify", Rule.read("AUDIT")),
            Map.entry("GET /api/v1/admin/server", Rule.read("SERVER")),
            Map.entry("GET /api/v1/admin/server/certificate", Rule.read("SERVER")),
            Map.entry("PUT /api/v1/admin/server/certificate", Rule.write("SERVER")),
            Map.entry("GET /api/v1/admin/server/botx-certificate", Rule.read("SERVER")),
            Map.entry("PUT /api/v1/admin/server/botx-certificate", Rule.write("SERVER")),
            Map.entry("DELETE /api/v1/admin/server/botx-certificate", Rule.write("SERVER")),
            Map.entry("GET /api/v1/admin/monitoring", Rule.read("MONITORING")),
            Map.entry("GET /api/v1/admin/logs", Rule.read("LOGS")),
            Map.entry("GET /admin/login", Rule.publicEndpoint()),
            Map.entry("POST /admin/login", Rule.publicEndpoint()),
            Map.entry("GET /admin/language/{code}", Rule.publicEndpoint()),
            Map.entry("GET /admin/assets/{name}", Rule.publicEndpoint()),
            Map.entry("GET /admin", Rule.any()),
            Map.entry("POST /admin/logout", Rule.any()),
            Map.entry("POST /admin/logout-everywhere", Rule.any()),
            Map.entry("GET /admin/account", Rule.any()),
            Map.entry("POST /admin/account/password", Rule.any()),
            Map.entry("POST /admin/account/totp", Rule.any()),
            Map.entry("POST /admin/account/totp/confirm", Rule.any()),
            Map.entry("POST /admin/account/totp/disable", Rule.any()),
            Map.entry("GET /admin/server", Rule.read("SERVER")),
            Map.entry("POST /admin/server/certificate", Rule.write("SERVER")),
            Map.entry("POST /admin/server/botx-certificate", Rule.write("SERVER")),
            Map.entry("POST /admin/server/botx-certificate/delete", Rule.write("SERVER")),
            Map.entry("GET /admin/administrators", Rule.read("ADMINISTRATORS")),
            Map.entry("POST /admin/administrators", Rule.write("ADMINISTRATORS")),
            Map.entry("POST /admin/administrators/{id}/delete", Rule.write("ADMINISTRATORS")),
            Map.entry("POST /admin/administrators/{id}/reset", Rule.write("ADMINISTRATORS")),
            Map.entry("GET /admin/audit", Rule.read("AUDIT")),
            Map.entry("POST /admin/audit/verify", Rule.read("AUDIT")),
            Map.entry("GET /admin/monitoring", Rule.read("MONITORING")),
            Map.entry("GET /admin/logs", Rule.read("LOGS")),
            Map.entry("GET /api/v1/admin/settings", Rule.read("SETTINGS")),
            Map.entry("PUT /api/v1/admin/settings/logs", Rule.write("SETTINGS")),
            Map.entry("GET /api/v1/admin/settings/mail", Rule.read("EMAIL")),
            Map.entry("PUT /api/v1/admin/settings/mail", Rule.write("EMAIL")),
            Map.entry("POST /api/v1/admin/settings/mail/test", Rule.write("EMAIL")),
            Map.entry("GET /api/v1/admin/settings/registration", Rule.read("REGISTRATION")),
            Map.entry("PUT /api/v1/admin/settings/registration", Rule.write("REGISTRATION")),
            Map.entry("GET /admin/settings", Rule.read("SETTINGS")),
            Map.entry("POST /admin/settings/logs", Rule.write("SETTINGS")),
            Map.entry("GET /admin/email", Rule.read("EMAIL")),
            Map.entry("POST /admin/email", Rule.write("EMAIL")),
            Map.entry("POST /admin/email/test", Rule.write("EMAIL")),
            Map.entry("GET /admin/registration", Rule.read("REGISTRATION")),
            Map.entry("POST /admin/registration", Rule.write("REGISTRATION")),
            Map.entry("POST /admin/registration/sms", Rule.write("REGISTRATION")),
            Map.entry("GET /api/v1/admin/settings/sms", Rule.read("REGISTRATION")),
            Map.entry("PUT /api/v1/admin/settings/sms", Rule.write("REGISTRATION")),
            Map.entry("GET /api/v1/admin/users", Rule.read("USERS")),
            Map.entry("GET /api/v1/admin/users/{huid}", Rule.read("USERS")),
            Map.entry("POST /api/v1/admin/users/{huid}/block", Rule.write("USERS")),
            Map.entry("POST /api/v1/admin/users/{huid}/unblock", Rule.write("USERS")),
            Map.entry("POST /api/v1/admin/users/{huid}/end-sessions", Rule.write("USERS")),
            Map.entry("DELETE /api/v1/admin/users/{huid}", Rule.write("USERS")),
            Map.entry("GET /admin/users", Rule.read("USERS")),
            Map.entry("GET /admin/users/{huid}", Rule.read("USERS")),
            Map.entry("POST /admin/users/{huid}/block", Rule.write("USERS")),
            Map.entry("POST /admin/users/{huid}/unblock", Rule.write("USERS")),
            Map.entry("POST /admin/users/{huid}/end-sessions", Rule.write("USERS")),
            Map.entry("POST /admin/users/{huid}/delete", Rule.write("USERS")),
            Map.entry("GET /api/v1/admin/chats", Rule.read("CHATS")),
            Map.entry("GET /api/v1/admin/chats/{chatId}", Rule.read("CHATS")),
            Map.entry("DELETE /api/v1/admin/chats/{chatId}", Rule.write("CHATS")),
            Map.entry("GET /admin/chats", Rule.read("CHATS")),
            Map.entry("GET /admin/chats/{chatId}", Rule.read("CHATS")),
            Map.entry("POST /admin/chats/{chatId}/delete", Rule.write("CHATS")),
            Map.entry("GET /admin/global_chat", Rule.read("GLOBAL_CHAT")),
            Map.entry("POST /admin/global_chat", Rule.write("GLOBAL_CHAT")),
            Map.entry("GET /admin/trusts", Rule.read("TRUSTS")),
            Map.entry("GET /admin/trusts/states/table", Rule.read("TRUSTS")),
            Map.entry("POST /admin/trusts", Rule.write("TRUSTS")),
            Map.entry("GET /admin/trusts/{remoteId}", Rule.read("TRUSTS")),
            Map.entry("POST /admin/trusts/{remoteId}", Rule.write("TRUSTS")),
            Map.entry("POST /admin/trusts/{remoteId}/enable", Rule.write("TRUSTS")),
            Map.entry("POST /admin/trusts/{remoteId}/disable", Rule.write("TRUSTS")),
            Map.entry("POST /admin/trusts/{remoteId}/delete", Rule.write("TRUSTS")),
            Map.entry("GET /admin/servers", Rule.read("TRUSTS")),
            Map.entry("GET /admin/graph", Rule.read("TRUSTS")),
            Map.entry("GET /api/v1/admin/address-book", Rule.read("ADDRESS_BOOK")),
            Map.entry("POST /api/v1/admin/address-book", Rule.write("ADDRESS_BOOK")),
            Map.entry("GET /api/v1/admin/address-book/{id}", Rule.read("ADDRESS_BOOK")),
            Map.entry("PUT /api/v1/admin/address-book/{id}", Rule.write("ADDRESS_BOOK")),
            Map.entry("DELETE /api/v1/admin/address-book/{id}", Rule.write("ADDRESS_BOOK")),
            Map.entry("GET /api/v1/admin/address-book/settings", Rule.read("ADDRESS_BOOK")),
            Map.entry("PUT /api/v1/admin/address-book/settings", Rule.write("ADDRESS_BOOK")),
            Map.entry("GET /api/v1/admin/directory/settings", Rule.read("DIRECTORY")),
            Map.entry("PUT /api/v1/admin/directory/settings", Rule.write("DIRECTORY")),
            Map.entry("POST /api/v1/admin/directory/sync", Rule.write("DIRECTORY")),
            Map.entry("GET /api/v1/admin/directory/sync", Rule.read("DIRECTORY")),
            Map.entry("GET /admin/address_book", Rule.read("ADDRESS_BOOK")),
            Map.entry("POST /admin/address_book", Rule.write("ADDRESS_BOOK")),
            Map.entry("POST /admin/address_book/{id}/delete", Rule.write("ADDRESS_BOOK")),
            Map.entry("POST /admin/address_book/settings", Rule.write("ADDRESS_BOOK")),
            Map.entry("GET /admin/directory", Rule.read("DIRECTORY")),
            Map.entry("POST /admin/directory", Rule.write("DIRECTORY")),
            Map.entry("POST /admin/directory/sync", Rule.write("DIRECTORY")));

    static final Set<String> ENDS_SESSION = Set.of("DELETE /api/v1/admin/session", "DELETE /api/v1/admin/sessions",
            "POST /admin/logout", "POST /admin/logout-everywhere");

    static final List<Kind> KINDS = List.of(
            new Kind("administrator", "ADMINISTRATOR", ""),
            new Kind("security", "SECURITY", ""),
            new Kind("limited-read", "LIMITED", "SERVER:READ,AUDIT:READ,MONITORING:READ,LOGS:READ,SETTINGS:READ,EMAIL:READ,REGISTRATION:READ,GLOBAL_CHAT:READ,TRUSTS:READ,ADDRESS_BOOK:READ,DIRECTORY:READ,USERS:READ,CHATS:READ"),
            new Kind("limited-write", "LIMITED", "SERVER:WRITE,AUDIT:WRITE,MONITORING:WRITE,LOGS:WRITE,SETTINGS:WRITE,EMAIL:WRITE,REGISTRATION:WRITE,GLOBAL_CHAT:WRITE,TRUSTS:WRITE,ADDRESS_BOOK:WRITE,DIRECTORY:WRITE,USERS:WRITE,CHATS:WRITE"),
            new Kind("limited-audit", "LIMITED", "AUDIT:READ"));

    static Set<String> documentedAdminEndpoints() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> endpoints = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/v1/admin") || path.equals("/admin") || path.startsWith("/admin/")) {
                operations.keySet().forEach(method -> endpoints.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path));
            }
        });
        return endpoints;
    }

    @Test
    void shouldHaveARuleForEveryDocumentedAdminEndpoint() {
        Set<String> documented = documentedAdminEndpoints();
        Set<String> withoutRule = new TreeSet<>(documented);
        withoutRule.removeAll(RULES.keySet());
        assertTrue(withoutRule.isEmpty(), "admin endpoints without a rule in this test: " + withoutRule);
        Set<String> gone = new TreeSet<>(RULES.keySet());
        gone.removeAll(documented);
        assertTrue(gone.isEmpty(), "rules for endpoints that are not documented in OpenAPI: " + gone);
    }

    @Test
    void shouldRefuseEveryNonPublicEndpointWithoutASession() {
        List<String> wrong = new ArrayList<>();
        RULES.forEach((endpoint, rule) -> {
            if (!rule.kind().equals("public")) {
                int status = call(given().header("X-Forwarded-For", "10.9.9.8"), endpoint);
                int expected = endpoint.contains(" /api/") ? 401 : 303;
                if (status != expected) {
                    wrong.add(endpoint + " answered " + status + " instead of " + expected);
                }
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void shouldAllowOrRefuseEveryEndpointForEveryKindOfAdministrator() {
        List<String> wrong = new ArrayList<>();
        for (Kind kind : KINDS) {
            String username = Admins.create(kind.name(), kind.role(), kind.sections());
            Admins.Session session = Admins.login(username);
            // Endpoints that end sessions ("logout everywhere" ends them all) come last.
            List<String> endpoints = RULES.keySet().stream().sorted()
                    .sorted(java.util.Comparator.comparing(ENDS_SESSION::contains)).toList();
            for (String endpoint : endpoints) {
                Rule rule = RULES.get(endpoint);
                if (rule.kind().equals("public")) {
                    continue;
                }
                // An endpoint that ends the session gets a session of its own.
                boolean ends = ENDS_SESSION.contains(endpoint);
                int status = call((ends ? Admins.login(username) : session).given(), endpoint);
                boolean expected = kind.allowed(rule);
                boolean allowed = status != 401 && status != 403;
                if (allowed != expected || !allowed && status != 403 || status >= 500) {
                    wrong.add(kind.name() + ": " + endpoint + " answered " + status + ", expected " + (expected ? "allowed" : "403"));
                }
            }
        }
        assertEquals("", String.join("\n", wrong));
    }

    @Test
    void shouldRefuseAStateChangingCallWithoutTheCsrfToken() {
        Admins.Session session = Admins.login(Admins.create("csrf", "ADMINISTRATOR", ""));
        given().cookie("stratum_admin", session.cookie()).header("X-Forwarded-For", "10.9.9.9")
                .post("/api/v1/admin/audit/verify").then().statusCode(403);
        given().cookie("stratum_admin", session.cookie()).header("X-Forwarded-For", "10.9.9.9").header("X-CSRF-Token", "forged")
                .post("/api/v1/admin/audit/verify").then().statusCode(403);
        session.given().post("/api/v1/admin/audit/verify").then().statusCode(200);
    }

    static int call(RequestSpecification request, String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", "999999");
        RequestSpecification spec = request.redirects().follow(false);
        if (!parts[0].equals("GET") && !parts[0].equals("DELETE")) {
            spec = path.startsWith("/api/") ? spec.contentType("application/json").body("{}")
                    : spec.contentType("application/x-www-form-urlencoded").formParam("_", "");
        }
        return spec.request(parts[0], path).statusCode();
    }
}
