package io.stratum.cts.directory;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stratum.testsupport.TestLdap;

/** People in the test OpenLDAP and the server's directory settings pointing at it. */
final class Directory {
    private Directory() {
    }

    /** The settings for the test slapd: OpenLDAP attributes, {@code employeeType=disabled} marks a disabled person, no schedule. */
    static Map<String, Object> settings(String url) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("enabled", true);
        settings.put("url", url);
        settings.put("bindDn", TestLdap.MANAGER_DN);
        settings.put("bindPassword", TestLdap.MANAGER_PASSWORD);
        settings.put("baseDn", TestLdap.PEOPLE_DN);
        settings.put("userFilter", "(objectClass=inetOrgPerson)");
        settings.put("attributes", Map.of("id", "entryUUID", "login", "uid", "email", "mail", "name", "cn", "position", "title",
                "department", "ou", "company", "o", "phones", List.of("telephoneNumber", "mobile")));
        settings.put("disabledAttribute", "employeeType");
        settings.put("disabledValue", "disabled");
        settings.put("syncIntervalMinutes", 0);
        return settings;
    }

    static void configure(ConsoleAdmin admin, TestLdap ldap) {
        admin.given().body(settings(ldap.url())).put("/api/v1/admin/directory/settings").then().statusCode(204);
    }

    /** Adds a person under ou=people with the password {@code uid + "-pass"}. */
    static void addPerson(TestLdap ldap, String uid, String name, String title, String department, String phone) {
        ldap.add("""
                dn: %s
                objectClass: inetOrgPerson
                uid: %s
                cn: %s
                sn: %s
                title: %s
                ou: %s
                o: Corp
                mail: %s@corp.test
                telephoneNumber: %s
                userPassword: %s-pass
                """.formatted(TestLdap.personDn(uid), uid, name, name, title, department, uid, phone, uid));
    }

    static Response login(String login, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", password, "platform", "desktop", "app_version", "test", "device_name", "test"))
                .post("/api/v1/auth/directory");
    }
}
