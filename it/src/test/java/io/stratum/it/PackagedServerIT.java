package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.stratum.common.schema.SchemaMigrator;
import io.stratum.common.schema.SchemaVersion;
import io.stratum.common.settings.Role;
import io.stratum.common.settings.Settings;
import io.stratum.common.settings.SettingsFile;
import io.stratum.deploy.install.SettingsTemplate;
import io.stratum.testsupport.TestDevice;
import io.stratum.testsupport.TestKafka;
import io.stratum.testsupport.TestPostgres;
import io.vertx.core.json.JsonObject;

/**
 * Each packaged role jar, started from a directory holding a settings.yaml written by
 * {@code stratum init}, becomes ready on the real PostgreSQL and Kafka and serves its metrics.
 */
class PackagedServerIT {
    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"cts", "ets", "rts"})
    void shouldStartFromItsSettingsAndServeHealthAndMetrics(String roleCode) throws Exception {
        Settings settings = install(Role.fromCode(roleCode).orElseThrow());
        int port = settings.httpPort();
        Process server = new ProcessBuilder("java", "-Xmx384m", "-jar", Stratum.roleJar(roleCode).toString())
                .directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile()).start();
        try {
            Stratum.await("the " + roleCode + " server to be ready", Duration.ofSeconds(90),
                    () -> !server.isAlive() || Stratum.ready(port));
            assertTrue(server.isAlive(), () -> "server exited: " + log());

            HttpResponse<String> anonymous = Stratum.get("http://localhost:" + port + "/q/metrics", null, null);
            assertEquals(401, anonymous.statusCode());
            String password = Files.readString(directory.resolve("prometheus.password")).strip();
            HttpResponse<String> metrics = Stratum.get("http://localhost:" + port + "/q/metrics", "prometheus", password);
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("stratum_build_info{role=\"" + roleCode + "\",server_id=\"" + settings.serverId() + "\""),
                    metrics.body());
            assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
            assertTrue(log().contains("Kafka topics ready"), this::log);
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.postgresUser(), settings.postgresPassword())) {
                assertEquals(SchemaVersion.LATEST, SchemaMigrator.currentVersion(connection), "migrations applied at start");
            }
            try (TestDevice client = TestDevice.connect(port)) {
                client.send(new JsonObject().put("type", "ping"));
                client.await(frame -> true); // any answer: the server holds the connection
                server.destroy();
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (!client.isClosed() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(client.isClosed(), () -> "the connected client was not told the server is stopping; log:\n" + log());
                assertEquals(1001, client.closeCode(), "a stopping server closes client connections with 1001 (going away)");
            }
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server did not stop on SIGTERM");
        }
        assertTrue(log().contains("stopped in"), this::log);
        assertFalse(log().contains("Timed out waiting for graceful shutdown"),
                () -> "a closed client WebSocket must not hold the stop for quarkus.shutdown.timeout:\n" + log());
    }

    @Test
    void shouldWriteOneJsonObjectPerLineWhenAsked() throws Exception {
        Settings settings = install(Role.CTS);
        Path file = directory.resolve("settings.yaml");
        Files.writeString(file, Files.readString(file).replace("logger_level: INFO", "logger_level: DEBUG") + "logger_format: json\n");
        Process server = new ProcessBuilder("java", "-Xmx384m", "-jar", Stratum.roleJar("cts").toString())
                .directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile()).start();
        try {
            Stratum.await("the server to be ready", Duration.ofSeconds(90), () -> !server.isAlive() || Stratum.ready(settings.httpPort()));
            assertTrue(server.isAlive(), this::log);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> lines = log().lines().filter(line -> !line.isBlank()).toList();
        assertTrue(lines.size() > 5, this::log);
        for (String line : lines) {
            assertTrue(line.startsWith("{") && line.endsWith("}") && line.contains("\"level\":"), "not a JSON log line: " + line);
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"level\":\"DEBUG\"")), "logger_level DEBUG not applied");
        String secret = settings.postgresPassword();
        assertTrue(lines.stream().noneMatch(line -> line.contains(secret)), "the database password was logged");
    }

    @Test
    void shouldRefuseADatabaseNewerThanItsBuild() throws Exception {
        Settings settings = install(Role.CTS);
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.postgresUser(), settings.postgresPassword())) {
            connection.createStatement().execute("create table flyway_schema_history (installed_rank int primary key, version varchar(50), "
                    + "description varchar(200), type varchar(20), script varchar(1000), checksum int, installed_by varchar(100), "
                    + "installed_on timestamp default now(), execution_time int, success boolean)");
            connection.createStatement().execute("insert into flyway_schema_history values "
                    + "(1, '1', 'administrators', 'SQL', 'V1__administrators.sql', 0, 'x', now(), 1, true), "
                    + "(2, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'x', now(), 1, true)");
        }

        Stratum.Result result = Stratum.run(List.of("java", "-jar", Stratum.roleJar("cts").toString()), directory, Map.of(),
                Duration.ofSeconds(60));

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().contains("the database schema is at version 99 but this Stratum build knows versions up to"), result.all());
        assertTrue(result.err().contains("downgrades are refused"), result.all());
    }

    @Test
    void shouldExplainAWrongDatabasePassword() throws Exception {
        install(Role.CTS);
        Path file = directory.resolve("settings.yaml");
        Files.writeString(file, Files.readString(file).replaceAll("postgres_password: \\w+", "postgres_password: wrong0password0"));

        Stratum.Result result = Stratum.run(List.of("java", "-jar", Stratum.roleJar("cts").toString()), directory, Map.of(),
                Duration.ofSeconds(60));

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().contains("login refused; check postgres_user and postgres_password"), result.all());
        assertTrue(!result.all().contains("wrong0password0"), result.all());
    }

    @Test
    void shouldExplainASigningKeyThatTheSecretKeyBaseCannotOpen() throws Exception {
        Settings settings = install(Role.CTS);
        Process first = startCts();
        try {
            Stratum.await("the first start to be ready", Duration.ofSeconds(90), () -> !first.isAlive() || Stratum.ready(settings.httpPort()));
            assertTrue(first.isAlive(), this::log);
        } finally {
            first.destroy();
            first.waitFor(30, TimeUnit.SECONDS);
        }
        Path file = directory.resolve("settings.yaml");
        Files.writeString(file, Files.readString(file).replaceAll("secret_key_base: \\w+", "secret_key_base: " + SettingsTemplate.randomHex(64)));

        Process second = startCts();
        try {
            String url = "http://localhost:" + settings.httpPort() + "/q/health/ready";
            Stratum.await("readiness to report the signing key", Duration.ofSeconds(90),
                    () -> {
                        HttpResponse<String> response = Stratum.get(url, null, null);
                        return !second.isAlive() || response != null && response.body().contains("secret_key_base was changed");
                    });
            HttpResponse<String> ready = Stratum.get(url, null, null);
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("postgres_db belongs to another installation"), ready.body());
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process startCts() throws IOException {
        return new ProcessBuilder("java", "-Xmx384m", "-jar", Stratum.roleJar("cts").toString())
                .directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile()).start();
    }

    /** Writes settings.yaml like `stratum init` does, pointing at the test PostgreSQL and Kafka, and creates the database. */
    private Settings install(Role role) throws IOException {
        SettingsTemplate template = new SettingsTemplate(role)
                .ports(Stratum.freePort(), Stratum.freePort())
                .postgresHost("localhost:" + TestPostgres.server().port())
                .kafkaHost(TestKafka.bootstrapServers());
        Settings settings = SettingsFile.read(template.writeTo(directory, true), Optional.of(role));
        TestPostgres.server().ensureDatabase(settings.postgresUser(), settings.postgresPassword(), settings.postgresDatabase());
        return settings;
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("server.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
