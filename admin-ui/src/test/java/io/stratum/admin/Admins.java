package io.stratum.admin;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.stratum.common.password.PasswordHash;

/** Test administrators written straight into the database (as `stratum add-admin` does) and their API sessions. */
public final class Admins {
    public static final String PASSWORD = "correct-horse-battery-42";

    private Admins() {
    }

    /** A logged-in API session: the cookie and the CSRF token. */
    public record Session(String username, String cookie, String csrf) {
        public RequestSpecification given() {
            return io.restassured.RestAssured.given().cookie("stratum_admin", cookie).header("X-CSRF-Token", csrf)
                    .header("X-Forwarded-For", "10.9.9.9");
        }
    }

    /** A new administrator with a unique login starting with {@code prefix}. */
    public static String create(String prefix, String role, String sections) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            sql("INSERT INTO administrator (username, password_hash, role, sections) VALUES (?, ?, ?, ?)",
                    username, PasswordHash.hash(PASSWORD, 4), role, sections);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return username;
    }

    public static Session login(String username) {
        Response response = given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.9.9.9")
                .body("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/v1/admin/session");
        response.then().statusCode(200);
        return new Session(username, response.getCookie("stratum_admin"), response.jsonPath().getString("csrfToken"));
    }

    /** Runs SQL as the database owner (the test user). */
    public static int sql(String statement, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            return prepared.executeUpdate();
        }
    }

    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection("jdbc:" + config.getValue("quarkus.datasource.reactive.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
