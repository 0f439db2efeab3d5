package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stratum.common.settings.Role;
import io.stratum.common.settings.Settings;
import io.stratum.common.settings.SettingsFile;
import io.stratum.deploy.install.SettingsTemplate;
import io.stratum.testsupport.TestDevice;
import io.stratum.testsupport.TestKafka;
import io.stratum.testsupport.TestLogin;
import io.stratum.testsupport.TestPostgres;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Two instances of one CTS (packaged jars) on one database and one Kafka: users connected to
 * different instances chat through Kafka, a chat's order holds, and an instance killed with SIGKILL
 * right after acknowledging a message loses nothing and duplicates nothing.
 */
class MessagingClusterIT {
    @TempDir
    Path directory;

    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process server : servers) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldDeliverAcrossInstancesInOrderAndSurviveAKilledInstance() throws Exception {
        Settings settings = install();
        int portA = Stratum.freePort();
        int portB = Stratum.freePort();
        Process a = start(portA, "a");
        Process b = start(portB, "b");
        awaitReady(a, portA, "a");
        awaitReady(b, portB, "b");
        InstallationMail.useTestMailServer(settings);

        String urlA = "http://localhost:" + portA;
        String urlB = "http://localhost:" + portB;
        JsonObject alice = TestLogin.logIn(urlA, "alice-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example", "desktop");
        JsonObject bob = TestLogin.logIn(urlB, "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example", "android");
        String chat = TestLogin.post(urlA + "/api/v1/chats", alice.getString("access_token"), new JsonObject().put("kind", "personal")
                .put("members", new JsonArray().add(bob.getString("huid"))), 201).getString("id");

        long last;
        try (TestDevice aliceOnA = TestDevice.online(portA, alice.getString("access_token"), new JsonObject().put(chat, 1));
                TestDevice bobOnB = TestDevice.online(portB, bob.getString("access_token"), new JsonObject().put(chat, 1))) {
            // Both send at once, each to its own instance: every device sees one gap-free sequence.
            for (int i = 0; i < 50; i++) {
                aliceOnA.send(send(chat, "a-" + i, "from alice " + i));
                bobOnB.send(send(chat, "b-" + i, "from bob " + i));
            }
            List<JsonObject> atAlice = aliceOnA.awaitEvents(chat, 1, 100, Duration.ofSeconds(60), Duration.ofMillis(500));
            List<JsonObject> atBob = bobOnB.awaitEvents(chat, 1, 100, Duration.ofSeconds(60), Duration.ofMillis(500));
            List<Long> expected = LongStream.rangeClosed(2, 101).boxed().toList();
            assertEquals(expected, atAlice.stream().map(e -> e.getLong("seq")).toList(), "alice's device");
            assertEquals(expected, atBob.stream().map(e -> e.getLong("seq")).toList(), "bob's device");
            assertEquals(atAlice.stream().map(e -> e.getString("body")).toList(), atBob.stream().map(e -> e.getString("body")).toList());

            // Killed right after acknowledging: the message is kept and reaches bob exactly once.
            JsonObject ack = aliceOnA.call(send(chat, "before-kill", "sent just before the crash"));
            assertEquals("ack", ack.getString("type"), ack.encode());
            a.destroyForcibly();
            assertTrue(a.waitFor(30, TimeUnit.SECONDS));
            List<JsonObject> afterKill = bobOnB.awaitEvents(chat, 101, 1, Duration.ofSeconds(60), Duration.ofSeconds(7));
            assertEquals(List.of(ack.getLong("seq")), afterKill.stream().map(e -> e.getLong("seq")).toList(),
                    "delivered once, through Kafka or the outbox relay of the surviving instance");
            last = ack.getLong("seq");
        }

        Process restarted = start(portA, "a-restarted");
        awaitReady(restarted, portA, "a-restarted");
        JsonObject history = TestLogin.get(urlA + "/api/v1/chats/" + chat + "/events?after=" + (last - 1) + "&limit=50", alice.getString("access_token"), 200);
        assertEquals(1, history.getJsonArray("events").size(), history.encode());
        assertEquals("sent just before the crash", history.getJsonArray("events").getJsonObject(0).getString("body"));
        try (TestDevice aliceAgain = TestDevice.online(portA, alice.getString("access_token"), new JsonObject().put(chat, last - 1))) {
            List<JsonObject> resumed = aliceAgain.awaitEvents(chat, last - 1, 1, Duration.ofSeconds(20), Duration.ofMillis(500));
            assertEquals(List.of(last), resumed.stream().map(e -> e.getLong("seq")).toList());
        }
    }

    private static JsonObject send(String chat, String clientId, String body) {
        return new JsonObject().put("type", "send").put("chat", chat).put("client_id", clientId).put("body", body);
    }

    private Settings install() throws IOException {
        SettingsTemplate template = new SettingsTemplate(Role.CTS).ports(Stratum.freePort(), Stratum.freePort())
                .postgresHost("localhost:" + TestPostgres.server().port()).kafkaHost(TestKafka.bootstrapServers());
        Settings settings = SettingsFile.read(template.writeTo(directory, true), Optional.of(Role.CTS));
        TestPostgres.server().ensureDatabase(settings.postgresUser(), settings.postgresPassword(), settings.postgresDatabase());
        return settings;
    }

    private Process start(int port, String name) throws IOException {
        Process process = new ProcessBuilder("java", "-Xmx384m", "-Dquarkus.http.port=" + port,
                // Instances on one machine need their own trust link port too (on separate hosts both use trust_port).
                "-Dstratum.trust.port=" + Stratum.freePort(), "-jar", Stratum.roleJar("cts").toString())
                .directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("server-" + name + ".log").toFile()).start();
        servers.add(process);
        return process;
    }

    private void awaitReady(Process process, int port, String name) {
        Stratum.await("instance " + name + " to be ready", Duration.ofSeconds(120), () -> !process.isAlive() || Stratum.ready(port));
        assertTrue(process.isAlive(), () -> "instance " + name + " exited; see " + directory.resolve("server-" + name + ".log"));
    }
}
