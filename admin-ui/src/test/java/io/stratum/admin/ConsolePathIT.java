package io.stratum.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;

/** With {@code admin_url: /console} the console lives there, links point there, and /admin is not served. */
@QuarkusTest
@TestProfile(ConsolePathIT.CustomPath.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ConsolePathIT {
    public static class CustomPath implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stratum.admin.url", "/console/");
        }
    }

    @Test
    void shouldServeTheConsoleAtTheConfiguredPath() {
        given().get("/console/login").then().statusCode(200)
                .body(containsString("action=\"/console/login\""))
                .body(containsString("href=\"/console/assets/console.css\""))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        given().get("/console/assets/htmx.min.js").then().statusCode(200).contentType(containsString("javascript"));
        given().redirects().follow(false).get("/console/server").then().statusCode(303).header("Location", endsWith("/console/login"));
    }

    @Test
    void shouldNotServeTheDefaultPath() {
        given().get("/admin/login").then().statusCode(404);
    }
}
