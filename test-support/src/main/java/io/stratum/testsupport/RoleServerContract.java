package io.stratum.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every role server must do once started on a real PostgreSQL and Kafka: be ready, serve
 * metrics only to {@code prometheus_users}, describe itself, announce its start on Kafka and
 * migrate its database. Each role runs it as a {@code @QuarkusTest} with
 * {@link PostgresTestResource} and {@link KafkaTestResource}, and these test properties:
 * {@code stratum.metrics.prometheus-users."prometheus"} is the hash of {@link #METRICS_PASSWORD}.
 */
public abstract class RoleServerContract {
    public static final String METRICS_PASSWORD = "metrics-test-password";

    /** cts, ets or rts. */
    protected abstract String role();

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    @Test
    void shouldBecomeReadyWithDatabaseAndKafka() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status;
        do {
            status = given().get("/q/health/ready").statusCode();
        } while (status != 200 && System.nanoTime() < deadline && pause());
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Reactive PostgreSQL connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Server identity' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Chat event feed' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Trust link' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'File storage' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Graceful Shutdown' }.status", equalTo("UP"))
                .body("checks.size()", equalTo(7));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void shouldRefuseMetricsWithoutCredentials() {
        given().get("/q/metrics").then().statusCode(401);
    }

    @Test
    void shouldRefuseMetricsWithWrongPassword() {
        given().auth().preemptive().basic("prometheus", "not-the-password").get("/q/metrics").then().statusCode(401);
        given().auth().preemptive().basic("someone", METRICS_PASSWORD).get("/q/metrics").then().statusCode(401);
    }

    @Test
    void shouldServeMetricsToPrometheusUser() {
        given().get("/api/v1/server").then().statusCode(200);
        given().auth().preemptive().basic("prometheus", METRICS_PASSWORD).get("/q/metrics").then().statusCode(200)
                .body(containsString("stratum_build_info{role=\"" + role() + "\""))
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("postgresql_queue_size"));
    }

    @Test
    void shouldDescribeItself() {
        given().get("/api/v1/server").then().statusCode(200)
                .body("id", equalTo(config("stratum.server.id")))
                .body("role", equalTo(role()))
                .body("version", equalTo(System.getProperty("project.version", "0.1.0-SNAPSHOT")));
    }

    @Test
    void shouldPublishItsEd25519SigningKey() {
        shouldBecomeReadyWithDatabaseAndKafka();
        String publicKey = given().get("/api/v1/server/identity").then().statusCode(200)
                .body("serverId", equalTo(config("stratum.server.id")))
                .body("algorithm", equalTo("Ed25519"))
                .body("fingerprint", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .extract().path("publicKey");
        assertEquals(32, java.util.Base64.getDecoder().decode(publicKey).length);
    }

    @Test
    void shouldServeTheAdministratorConsole() {
        given().get(config("stratum.admin.url") + "/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("id=\"login-form\""));
        given().get("/api/v1/admin/session").then().statusCode(401);
    }

    @Test
    void shouldPublishOpenApi() {
        String server = " server " + config("stratum.server.id") + ".";
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/server"), containsString(server));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Stratum API"), "info.description", containsString(server));
    }

    @Test
    void shouldAnnounceItsStartOnSystemEvents() {
        String topic = config("stratum.server.id") + ".system-events";
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config("kafka.bootstrap.servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains("\"type\":\"server.started\"")) {
                        assertEquals(config("stratum.server.id"), record.key());
                        assertTrue(record.value().contains("\"role\":\"" + role() + "\""), record.value());
                        return;
                    }
                }
            }
            throw new AssertionError("no server.started event on " + topic + " within 60 s");
        }
    }

    @Test
    void shouldMigrateItsDatabaseAtStart() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:" + config("quarkus.datasource.reactive.url"),
                config("quarkus.datasource.username"), config("quarkus.datasource.password"));
             ResultSet rows = connection.createStatement().executeQuery(
                     "select count(*) from flyway_schema_history where success and version = '1'")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(250);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
