package io.stratum.cts.directory;

import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.stratum.common.password.PasswordHash;
import io.stratum.testsupport.TestSql;

/** A console administrator written into the database (as {@code stratum add-admin} does) and logged in to the admin API. */
record ConsoleAdmin(String username, String cookie, String csrf) {
    static final String PASSWORD = "correct-horse-battery-42";

    /** A new administrator of the role with the sections ("ADDRESS_BOOK:READ,..."; LIMITED only), logged in. */
    static ConsoleAdmin create(String role, String sections) {
        String username = role.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        TestSql.update("INSERT INTO administrator (username, password_hash, role, sections) VALUES (?, ?, ?, ?)",
                username, PasswordHash.hash(PASSWORD, 4), role, sections);
        Response login = RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/api/v1/admin/session");
        login.then().statusCode(200);
        return new ConsoleAdmin(username, login.getCookie("stratum_admin"), login.jsonPath().getString("csrfToken"));
    }

    static ConsoleAdmin full() {
        return create("ADMINISTRATOR", "");
    }

    RequestSpecification given() {
        return RestAssured.given().cookie("stratum_admin", cookie).header("X-CSRF-Token", csrf).contentType(ContentType.JSON);
    }
}
