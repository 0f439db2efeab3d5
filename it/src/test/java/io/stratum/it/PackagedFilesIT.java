package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stratum.common.settings.Role;
import io.stratum.common.settings.Settings;
import io.stratum.common.settings.SettingsFile;
import io.stratum.deploy.install.SettingsTemplate;
import io.stratum.testsupport.TestKafka;
import io.stratum.testsupport.TestLogin;
import io.stratum.testsupport.TestPostgres;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A packaged CTS whose settings.yaml picks the S3 adapter streams a file larger than its whole heap
 * up into an S3-compatible server and back down to the other member of the chat, unchanged: proof
 * that neither direction holds the file in memory, and that the one setting selects the store.
 */
class PackagedFilesIT {
    /** The server's heap; the file is more than twice as large. */
    private static final String HEAP = "-Xmx96m";
    private static final long FILE_BYTES = 256L * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path directory;

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void shouldStreamAFileLargerThanItsHeapThroughS3BothWays() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start(directory.resolve("s3"), "cts-files")) {
            Settings settings = install(s3);
            int port = settings.httpPort();
            server = new ProcessBuilder("java", HEAP, "-XX:+ExitOnOutOfMemoryError", "-Dstratum.files.max-size=" + (FILE_BYTES + 1024 * 1024),
                    "-jar", Stratum.roleJar("cts").toString())
                    .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(directory.resolve("server.log").toFile()).start();
            Stratum.await("the CTS to be ready", Duration.ofSeconds(120), () -> !server.isAlive() || Stratum.ready(port));
            assertTrue(server.isAlive(), () -> "the CTS exited; see " + directory.resolve("server.log"));
            InstallationMail.useTestMailServer(settings);

            String url = "http://localhost:" + port;
            JsonObject alice = TestLogin.logIn(url, "alice-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example", "desktop");
            JsonObject bob = TestLogin.logIn(url, "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example", "desktop");
            String chat = TestLogin.post(url + "/api/v1/chats", alice.getString("access_token"), new JsonObject().put("kind", "personal")
                    .put("members", new JsonArray().add(bob.getString("huid"))), 201).getString("id");

            Path original = randomFile(directory.resolve("original.bin"));
            HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/chats/" + chat + "/files?name=large.bin"))
                    .header("Authorization", "Bearer " + alice.getString("access_token"))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(original)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, upload.statusCode(), upload.body());
            String file = new JsonObject(upload.body()).getString("id");
            assertEquals(List.of(FILE_BYTES), s3.objectSizes(), "the file is stored in the S3 bucket, whole");
            assertFalse(holdsFiles(directory.resolve("data/files")), "nothing is stored in the local file directory");

            HttpResponse<InputStream> download = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/files/" + file))
                    .header("Authorization", "Bearer " + bob.getString("access_token")).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, download.statusCode());
            byte[] received;
            try (InputStream body = download.body()) {
                received = sha256(body);
            }
            try (InputStream sent = Files.newInputStream(original)) {
                assertArrayEquals(sha256(sent), received, "Bob downloads exactly what Alice uploaded");
            }
            assertTrue(server.isAlive() && Stratum.ready(port), "the server is still up and ready");
            assertFalse(Files.readString(directory.resolve("server.log")).contains("OutOfMemoryError"));
        }
    }

    private Settings install(S3ProxyServer s3) throws IOException {
        SettingsTemplate template = new SettingsTemplate(Role.CTS).ports(Stratum.freePort(), Stratum.freePort())
                .postgresHost("localhost:" + TestPostgres.server().port()).kafkaHost(TestKafka.bootstrapServers());
        Path file = template.writeTo(directory, true);
        Files.writeString(file, Files.readString(file) + String.join("\n",
                "file_service_env_override:",
                "  ADAPTER: s3",
                "  AWS_S3_URI: " + s3.uri(),
                "  AWS_S3_BUCKET: " + s3.bucket(),
                "  AWS_ACCESS_KEY_ID: " + S3ProxyServer.ACCESS_KEY,
                "  AWS_SECRET_ACCESS_KEY: " + S3ProxyServer.SECRET_KEY,
                ""));
        Settings settings = SettingsFile.read(file, Optional.of(Role.CTS));
        TestPostgres.server().ensureDatabase(settings.postgresUser(), settings.postgresPassword(), settings.postgresDatabase());
        return settings;
    }

    private static boolean holdsFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    /** Random bytes, written in 1 MiB pieces. */
    private static Path randomFile(Path path) throws IOException {
        Random random = new Random(42);
        byte[] piece = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(path)) {
            for (long written = 0; written < FILE_BYTES; written += piece.length) {
                random.nextBytes(piece);
                out.write(piece);
            }
        }
        return path;
    }

    private static byte[] sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return digest.digest();
    }
}
