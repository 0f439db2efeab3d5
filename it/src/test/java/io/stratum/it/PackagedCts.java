package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.stratum.common.password.PasswordHash;
import io.stratum.common.settings.Role;
import io.stratum.common.settings.Settings;
import io.stratum.common.settings.SettingsFile;
import io.stratum.deploy.install.SettingsTemplate;
import io.stratum.testsupport.TestKafka;
import io.stratum.testsupport.TestPostgres;
import io.vertx.core.json.JsonObject;

/**
 * A packaged CTS jar (or, with {@link #start(Path, String, Role)}, an RTS or ETS jar) started with {@code java -jar} in its own directory (settings.yaml written by the
 * installer's template, free HTTP and trust ports, its own database on the test PostgreSQL, the test
 * Kafka), with one console administrator {@value #ADMIN} inserted into its database. The trust link
 * retries quickly (3 s at most) so partner tests see a link change within seconds. {@link #close()}
 * stops the process (forcibly if it does not stop in 30 s).
 */
final class PackagedCts implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String PASSWORD = "trust-link-admin-password-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final Path home;
    private final Settings settings;
    private final String metricsPassword;
    private final Process process;
    private final Role role;

    /** An API session of the administrator: the session cookie ({@code name=value}) and its CSRF token. */
    record ApiSession(String cookie, String csrf) {
    }

    private PackagedCts(String name, Path home, Settings settings, String metricsPassword, Process process, Role role) {
        this.role = role;
        this.name = name;
        this.home = home;
        this.settings = settings;
        this.metricsPassword = metricsPassword;
        this.process = process;
    }

    /** Stops this server and starts it again from the same settings and database (kept administrator); waits until ready. */
    PackagedCts restart() throws Exception {
        close();
        Process again = new ProcessBuilder("java", "-Xmx384m", "-Dstratum.trust.retry-max=3s", "-Dstratum.trust.dial-interval=500ms",
                "-jar", Stratum.roleJar(role.code()).toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile())).start();
        PackagedCts restarted = new PackagedCts(name, home, settings, metricsPassword, again, role);
        try {
            Stratum.await("server " + name + " to be ready again", Duration.ofSeconds(120), () -> !again.isAlive() || Stratum.ready(settings.httpPort()));
            assertTrue(again.isAlive(), () -> "server " + name + " exited after its restart; see " + restarted.log());
        } catch (Exception | AssertionError e) {
            restarted.close();
            throw e;
        }
        return restarted;
    }

    /** Starts a CTS in {@code directory/name}, waits until it is ready and inserts the administrator. */
    static PackagedCts start(Path directory, String name) throws Exception {
        return start(directory, name, Role.CTS);
    }

    /** Starts a server of the role's packaged jar in {@code directory/name}, waits until it is ready and inserts the administrator. */
    static PackagedCts start(Path directory, String name, Role role) throws Exception {
        return start(directory, name, role, null);
    }

    /**
     * Starts a server of the role's packaged jar below {@code upstream} (settings.yaml's rts_host,
     * rts_id and rts_token name it; null: none), waits until it is ready and inserts the administrator.
     */
    static PackagedCts start(Path directory, String name, Role role, PackagedCts upstream) throws Exception {
        Path home = Files.createDirectories(directory.resolve(name));
        int http = Stratum.freePort();
        int trust = Stratum.freePort();
        SettingsTemplate template = new SettingsTemplate(role).host("localhost").ports(http, trust)
                .postgresHost("localhost:" + TestPostgres.server().port()).kafkaHost(TestKafka.bootstrapServers());
        if (upstream != null) {
            template.upstream(upstream.trustEndpoint(), upstream.id(), "upstream-accept-" + SettingsTemplate.randomHex(12),
                    "upstream-connect-" + SettingsTemplate.randomHex(12));
        }
        Settings settings = SettingsFile.read(template.writeTo(home, true), Optional.of(role));
        TestPostgres.server().ensureDatabase(settings.postgresUser(), settings.postgresPassword(), settings.postgresDatabase());
        Process process = new ProcessBuilder("java", "-Xmx384m", "-Dstratum.trust.retry-max=3s", "-Dstratum.trust.dial-interval=500ms",
                "-jar", Stratum.roleJar(role.code()).toString())
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile()).start();
        PackagedCts server = new PackagedCts(name, home, settings, template.metricsPassword(), process, role);
        try {
            Stratum.await("server " + name + " to be ready", Duration.ofSeconds(120), () -> !process.isAlive() || Stratum.ready(http));
            assertTrue(process.isAlive(), () -> "server " + name + " exited; see " + server.log());
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.postgresUser(), settings.postgresPassword());
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO administrator (username, password_hash, role, sections) VALUES (?, ?, 'ADMINISTRATOR', '')")) {
                insert.setString(1, ADMIN);
                insert.setString(2, PasswordHash.hash(PASSWORD, 4));
                insert.executeUpdate();
            }
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    String name() {
        return name;
    }

    String id() {
        return settings.serverId();
    }

    Settings settings() {
        return settings;
    }

    /** {@code http://localhost:PORT}. */
    String url() {
        return "http://localhost:" + settings.httpPort();
    }

    /** The trust link address partners enter: {@code localhost:TRUST_PORT}. */
    String trustEndpoint() {
        return "localhost:" + settings.trustPort();
    }

    String metricsPassword() {
        return metricsPassword;
    }

    Path log() {
        return home.resolve("server.log");
    }

    /** Logs the administrator in through the admin API. */
    ApiSession logIn() throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/admin/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", ADMIN).put("password", PASSWORD).encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("stratum_admin=")).findFirst().orElseThrow()
                .split(";", 2)[0];
        return new ApiSession(cookie, new JsonObject(login.body()).getString("csrfToken"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
