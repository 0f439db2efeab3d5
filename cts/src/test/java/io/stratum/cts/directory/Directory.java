package io.stratum.cts.directory;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stratum.testsupport.TestLdap;

/** People in the test OpenLDAP, the server's directory pointed at it ({@link TestLdap#directorySettings()}), directory login. */
final class Directory {
    private Directory() {
    }

    static void configure(ConsoleAdmin admin, TestLdap ldap) {
        admin.given().body(ldap.directorySettings()).put("/api/v1/admin/directory/settings").then().statusCode(204);
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
