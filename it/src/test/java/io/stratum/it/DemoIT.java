package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stratum.client.StratumClient;
import io.stratum.client.StratumSession;
import io.stratum.client.auth.CredentialStore;
import io.stratum.client.auth.Credentials;
import io.stratum.client.auth.DeviceInfo;
import io.stratum.client.chat.Chat;
import io.stratum.client.chat.ChatEvent;
import io.stratum.client.http.StratumException;
import io.stratum.testsupport.TestPostgres;

/** `stratum demo` brings up the five-server federation; `demo down` leaves nothing running. */
class DemoIT {
    private static final List<Integer> PORTS = List.of(8180, 8181, 8182, 8183, 8184);

    @TempDir
    Path directory;

    @Test
    void shouldStartFiveReadyServersAndStopThemAll() {
        TestPostgres.server();
        String dir = directory.toString();
        try {
            Stratum.Result up = Stratum.command(Duration.ofSeconds(400), "demo", "--dir", dir);
            assertEquals(0, up.exitCode(), up.all());
            for (String name : List.of("rts", "ets", "cts-a", "cts-b", "cts-c")) {
                assertTrue(up.out().contains("server " + name), up.all());
            }
            PORTS.forEach(port -> assertTrue(up.out().contains("http://localhost:" + port + "/admin"), up.all()));
            PORTS.forEach(port -> assertTrue(Stratum.ready(port), "not ready on " + port));

            Stratum.Result status = Stratum.command(Duration.ofSeconds(60), "demo", "status", "--dir", dir);
            assertEquals(0, status.exitCode(), status.all());
            assertTrue(status.out().contains("mail catcher"), status.all());

            assertDemoUsersLogInWithPinsFromTheMailCatcherAndChat(dir);
            DemoTerminalChats terminal = new DemoTerminalChats(directory, email -> latestPin(email, dir));
            terminal.chatOn("ets", 8181);
            terminal.chatOn("rts", 8180);
            assertEveryDemoTrustLinkTurnsGreen(dir);
            new DemoFederationChecks(dir, email -> {
                String server = email.substring(email.indexOf('@') + 1, email.lastIndexOf(".demo"));
                StratumClient client = StratumClient.of(URI.create("http://localhost:" + java.util.Map.of("cts-a", 8182, "cts-b", 8183, "cts-c", 8184).get(server)));
                return client.session(logIn(client, email, dir), CredentialStore.IN_MEMORY);
            }).run();
        } finally {
            Stratum.Result down = Stratum.command(Duration.ofSeconds(180), "demo", "down", "--dir", dir);
            assertEquals(0, down.exitCode(), down.all());
        }
        PORTS.forEach(port -> assertFalse(Stratum.ready(port), "still answering on " + port));
        Stratum.Result status = Stratum.command(Duration.ofSeconds(60), "demo", "status", "--dir", dir);
        assertEquals(1, status.exitCode(), status.all());
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(false)),
                "a demo process is still running");
    }

    /** Each dialing side of the demo's trusts (the lower tier; cts-a for the cts-a ↔ cts-c partners) sees its link green. */
    private static void assertEveryDemoTrustLinkTurnsGreen(String dir) {
        for (String[] link : new String[][] {{"ets", "8181", "rts"}, {"cts-a", "8182", "ets"}, {"cts-b", "8183", "ets"},
                {"cts-c", "8184", "rts"}, {"cts-a", "8182", "cts-c"}}) {
            String url = "http://localhost:" + link[1];
            String password = readString(Path.of(dir, link[0], "demo-admin-password")).strip();
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            String session = send(http, java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/admin/session"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"demo\",\"password\":\"" + password + "\"}")));
            String csrf = new io.vertx.core.json.JsonObject(session).getString("csrfToken");
            String[] last = {""};
            Stratum.await("the demo trust link " + link[0] + " → " + link[2] + " to turn green", Duration.ofSeconds(90), () -> {
                last[0] = send(http, java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/admin/trusts/" + link[2] + "/link"))
                        .header("X-CSRF-Token", csrf).GET());
                return last[0].contains("\"state\":\"GREEN\"");
            });
        }
    }

    private static String readString(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String send(java.net.http.HttpClient http, java.net.http.HttpRequest.Builder request) {
        try {
            java.net.http.HttpResponse<String> response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The README's walkthrough: ask for a PIN, read it with `stratum demo mail`, log in, chat. */
    private static void assertDemoUsersLogInWithPinsFromTheMailCatcherAndChat(String dir) {
        StratumClient ctsA = StratumClient.of(URI.create("http://localhost:8182"));
        StratumSession alice = ctsA.session(logIn(ctsA, "alice@cts-a.demo", dir), CredentialStore.IN_MEMORY);
        StratumSession bob = ctsA.session(logIn(ctsA, "bob@cts-a.demo", dir), CredentialStore.IN_MEMORY);
        StratumException stranger = assertThrows(StratumException.class, () -> ctsA.emailLogin().requestCode("eve@elsewhere.example"));
        assertEquals("registration_closed", stranger.code());

        Chat chat = alice.chats().createPersonal(bob.credentials().huid());
        long seq = alice.chats().sendText(chat.id(), "demo-" + UUID.randomUUID(), "Hi Bob, this is the demo");

        List<ChatEvent> bobSees = bob.chats().historyBefore(chat.id(), seq + 1, 10);
        assertEquals("Hi Bob, this is the demo", bobSees.get(bobSees.size() - 1).body());
    }

    private static Credentials logIn(StratumClient client, String email, String dir) {
        String before = latestPin(email, dir);
        client.emailLogin().requestCode(email);
        String[] pin = new String[1];
        Stratum.await("a new PIN for " + email + " in the mail catcher", Duration.ofSeconds(30), () -> {
            String latest = latestPin(email, dir);
            pin[0] = latest;
            return latest != null && !latest.equals(before);
        });
        return client.emailLogin().confirm(email, pin[0].substring(0, 6), DeviceInfo.desktop("demo-it", "DemoIT"));
    }

    /** The PIN `stratum demo mail ADDRESS` shows, with when it was sent ("123456@2026-..."), or null. */
    private static String latestPin(String email, String dir) {
        Stratum.Result mail = Stratum.command(Duration.ofSeconds(60), "demo", "mail", email, "--dir", dir);
        Matcher pin = Pattern.compile("PIN for " + Pattern.quote(email) + ": ([0-9]{6})  \\(sent ([^)]+)\\)").matcher(mail.out());
        return pin.find() ? pin.group(1) + "@" + pin.group(2) : null;
    }
}
