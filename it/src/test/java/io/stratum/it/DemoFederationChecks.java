package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.stratum.client.StratumSession;
import io.stratum.client.chat.Chat;
import io.stratum.client.chat.ChatEvent;
import io.stratum.common.settings.Settings;
import io.stratum.common.settings.SettingsFile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Chats across the demo federation (cts-a and cts-b under the ets, the ets and cts-c under the rts,
 * cts-a and cts-c partners): over the direct partner trust, up and down through the ets and the rts,
 * a group on three servers, the direct link cut and healed with nothing lost, duplicated or
 * reordered, and a forged envelope refused at its destination.
 */
final class DemoFederationChecks {
    private final String dir;
    private final Function<String, StratumSession> login;

    /** {@code login}: an e-mail address of a demo server → a logged-in session on that server. */
    DemoFederationChecks(String dir, Function<String, StratumSession> login) {
        this.dir = dir;
        this.login = login;
    }

    void run() {
        StratumSession alice = login.apply("anna@cts-a.demo");
        StratumSession carol = login.apply("carol@cts-c.demo");
        StratumSession dave = login.apply("dave@cts-b.demo");

        // Partners cts-a and cts-c: over their direct trust, both ways.
        Chat ac = alice.chats().createPersonal(carol.credentials().address());
        converse(ac, alice, carol, "partners");
        // cts-b and cts-c have no trust: through the ets and the rts, both ways.
        Chat dc = dave.chats().createPersonal(carol.credentials().address());
        converse(dc, dave, carol, "relayed");
        assertEquals(dc.id(), carol.chats().createPersonal(dave.credentials().address()).id(),
                "the other side asking for the pair's personal chat gets the same chat");

        // A group on three servers: every member sends, every member sees the same log.
        Chat group = alice.chats().createGroup("Three companies", List.of(carol.credentials().address(), dave.credentials().address()));
        long last = 0;
        for (StratumSession member : List.of(alice, carol, dave)) {
            awaitChat(member, group.id());
            last = Math.max(last, member.chats().sendText(group.id(), "g-" + UUID.randomUUID(), "from " + member.credentials().address()));
        }
        List<String> home = awaitBodies(alice, group.id(), last);
        assertEquals(home, awaitBodies(carol, group.id(), last));
        assertEquals(home, awaitBodies(dave, group.id(), last));
        assertEquals(3, home.stream().filter(body -> body.startsWith("from ")).count(), home::toString);
        readReceiptsCrossServers(group.id(), last, dave, List.of(alice, carol));
        changesFromAnotherServer(group.id(), alice, carol, dave);
        new DemoCrossServerFeatures(dir, alice, carol, dave).run(ac.id(), dc.id());
        registryBelowTheRts();

        failOverAndBack(ac, alice, carol);
        queuesWhileThereIsNoPath(ac, alice, carol);
        forgedEnvelopeIsRefused(dave);

        // kill -9 of each server in turn, and of the Kafka broker, while 1,000 messages are being sent.
        KillWhileSending kill = new KillWhileSending(dir);
        kill.run("receiver cts-c killed", "cts-c/run/server.pid", alice, ac.id(), 1000, List.of(alice, carol));
        kill.run("home and sender cts-a killed", "cts-a/run/server.pid", alice, ac.id(), 1000, List.of(alice, carol));
        kill.run("relay ets killed", "ets/run/server.pid", dave, dc.id(), 1000, List.of(dave, carol));
        kill.run("home cts-b of a remote sender killed", "cts-b/run/server.pid", carol, dc.id(), 1000, List.of(dave, carol));
        kill.run("Kafka broker killed", "infra/run/kafka.pid", alice, ac.id(), 1000, List.of(alice, carol));
    }

    /**
     * The rts has trusts with the ets and cts-c only; cts-a and cts-b are attached below the ets. Its
     * registry knows them from the ets's announcements, with the role and host they announced, and
     * that they are reachable through the ets; its graph shows them as CTS.
     */
    private void registryBelowTheRts() {
        DemoAdmin rts = new DemoAdmin(dir, "rts", 8180);
        String[] last = {""};
        try {
            Stratum.await("the rts's registry to list cts-a and cts-b through the ets", Duration.ofSeconds(60), () -> {
                last[0] = rts.call("GET", "/api/v1/admin/graph/attached");
                JsonArray attached = new JsonArray(last[0]);
                return List.of("cts-a", "cts-b").stream().allMatch(id -> attached.stream().map(JsonObject.class::cast).anyMatch(server ->
                        id.equals(server.getString("id")) && "CTS".equals(server.getString("role")) && "ets".equals(server.getString("via"))
                                && server.getBoolean("reachable") && "localhost".equals(server.getString("host"))));
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer: " + last[0], e);
        }
        JsonObject graph = new JsonObject(rts.call("GET", "/api/v1/admin/graph"));
        assertTrue(graph.getJsonArray("nodes").stream().map(JsonObject.class::cast)
                .anyMatch(node -> "cts-b".equals(node.getString("id")) && "CTS".equals(node.getString("role"))), graph::encode);
        String page = rts.call("GET", "/admin/servers?kind=cts");
        assertTrue(page.contains("id=\"attached-cts-a\"") && page.contains("id=\"attached-cts-b\""), "the Servers page lists them");
    }

    /** One message each way; both sides see both, under the home's numbers. */
    private void converse(Chat chat, StratumSession home, StratumSession other, String label) {
        awaitChat(other, chat.id());
        long first = home.chats().sendText(chat.id(), label + "-1-" + UUID.randomUUID(), label + ": hello from the home");
        long second = other.chats().sendText(chat.id(), label + "-2-" + UUID.randomUUID(), label + ": hello back");
        assertEquals(first + 1, second, "the home numbers the remote member's message next");
        List<String> seen = awaitBodies(other, chat.id(), second);
        assertEquals(seen, awaitBodies(home, chat.id(), second));
        assertEquals(List.of(label + ": hello from the home", label + ": hello back"), seen.subList(seen.size() - 2, seen.size()));
    }

    /**
     * Members of other servers change the group through its home: Dave (not an admin) is refused by the
     * home when he renames it; Carol leaves, and every server sees her gone.
     */
    private static void changesFromAnotherServer(UUID chat, StratumSession home, StratumSession leaver, StratumSession other) {
        io.stratum.client.http.StratumException refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.stratum.client.http.StratumException.class, () -> other.chats().rename(chat, "Renamed by a member"));
        assertEquals("not_admin", refused.code(), "the home's refusal reaches the member on cts-b");
        leaver.chats().leave(chat);
        UUID gone = leaver.credentials().huid();
        for (StratumSession member : List.of(home, other)) {
            Stratum.await(member.credentials().address() + " to see Carol leave", Duration.ofSeconds(30),
                    () -> member.chats().get(chat).members().stream().noneMatch(m -> m.huid().equals(gone)));
        }
        assertFalse(leaver.chats().list().stream().anyMatch(c -> c.id().equals(chat)), "the group is gone from Carol's list");
    }

    /** Dave (cts-b) reads the group on his device: the home (cts-a) and the other replica (cts-c) see his read receipt. */
    private static void readReceiptsCrossServers(UUID chat, long seq, StratumSession reader, List<StratumSession> others) {
        try (io.stratum.client.live.LiveSession live = reader.live(new io.stratum.client.live.Cursors(),
                new io.stratum.client.live.LiveListener() { }).start()) {
            assertTrue(live.awaitLive(Duration.ofSeconds(30)), "Dave's live session");
            assertEquals(seq, live.markRead(chat, seq).get(30, java.util.concurrent.TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        for (StratumSession other : others) {
            Stratum.await(other.credentials().address() + " to see Dave's read receipt", Duration.ofSeconds(30),
                    () -> other.chats().get(chat).members().stream().anyMatch(m -> m.huid().equals(reader.credentials().huid()) && m.readSeq() == seq));
        }
    }

    /**
     * Blocking the partner trust on cts-a cuts the direct link: messages go through the relays; unblocking
     * it brings the direct link back. Every message arrives once, in order.
     */
    private void failOverAndBack(Chat chat, StratumSession alice, StratumSession carol) {
        DemoAdmin ctsA = new DemoAdmin(dir, "cts-a", 8182);
        long before = carol.chats().get(chat.id()).lastSeq();
        List<String> sent = new ArrayList<>();
        ctsA.call("POST", "/api/v1/admin/trusts/cts-c/disable");
        ctsA.awaitLink("cts-c", "PURPLE");
        for (int i = 0; i < 30; i++) {
            String body = "while the direct link is down #" + i;
            alice.chats().sendText(chat.id(), "down-" + i + "-" + UUID.randomUUID(), body);
            sent.add(body);
        }
        String reply = "carol answers through the relays";
        carol.chats().sendText(chat.id(), "down-reply-" + UUID.randomUUID(), reply);
        sent.add(reply);
        ctsA.call("POST", "/api/v1/admin/trusts/cts-c/enable");
        ctsA.awaitLink("cts-c", "GREEN");
        long last = 0;
        for (int i = 0; i < 30; i++) {
            String body = "after the link healed #" + i;
            last = alice.chats().sendText(chat.id(), "up-" + i + "-" + UUID.randomUUID(), body);
            sent.add(body);
        }
        assertEquals(before + sent.size(), last, "every message got the next number at the home");
        List<ChatEvent> carolSees = awaitEvents(carol, chat.id(), before, last);
        assertEquals(sent, carolSees.stream().map(ChatEvent::body).toList(), "all once, in order, on the replica");
        List<ChatEvent> aliceSees = awaitEvents(alice, chat.id(), before, last);
        assertEquals(sent, aliceSees.stream().map(ChatEvent::body).toList());
    }

    /**
     * With both the partner trust and the upstream trust blocked, cts-a has no path to cts-c: what Alice
     * sends waits in cts-a's outbox, visible in the admin API and the metrics, and arrives when a path returns.
     */
    private void queuesWhileThereIsNoPath(Chat chat, StratumSession alice, StratumSession carol) {
        DemoAdmin ctsA = new DemoAdmin(dir, "cts-a", 8182);
        ctsA.call("POST", "/api/v1/admin/trusts/cts-c/disable");
        ctsA.call("POST", "/api/v1/admin/trusts/ets/disable");
        ctsA.awaitLink("ets", "PURPLE");
        ctsA.awaitLink("cts-c", "PURPLE");
        long seq = alice.chats().sendText(chat.id(), "no-path-" + UUID.randomUUID(), "waits for a path");
        Stratum.await("cts-a to show the envelope queued for cts-c", Duration.ofSeconds(30),
                () -> new JsonObject(ctsA.call("GET", "/api/v1/admin/trusts/cts-c/link")).getLong("queued", 0L) >= 1);
        String password = readString(Path.of(dir, "cts-a", "prometheus.password")).strip();
        Stratum.await("trust_queue_depth for cts-c on cts-a", Duration.ofSeconds(30), () -> {
            java.net.http.HttpResponse<String> metrics = Stratum.get("http://localhost:8182/q/metrics", "prometheus", password);
            return metrics != null && metrics.body().lines().anyMatch(line -> line.startsWith("trust_queue_depth{remote=\"cts-c\"}")
                    && !line.endsWith(" 0.0"));
        });
        assertEquals(seq - 1, carol.chats().get(chat.id()).lastSeq(), "nothing reached cts-c without a path");
        ctsA.call("POST", "/api/v1/admin/trusts/ets/enable");
        ctsA.call("POST", "/api/v1/admin/trusts/cts-c/enable");
        assertEquals(List.of("waits for a path"), awaitEvents(carol, chat.id(), seq - 1, seq).stream().map(ChatEvent::body).toList());
        Stratum.await("the queue for cts-c on cts-a to drain", Duration.ofSeconds(30),
                () -> new JsonObject(ctsA.call("GET", "/api/v1/admin/trusts/cts-c/link")).getLong("queued", 1L) == 0);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A relay (the ets) hands cts-b an envelope that claims to come from cts-a but is not signed by it:
     * cts-b refuses it, audits it, and nothing of it appears.
     */
    private void forgedEnvelopeIsRefused(StratumSession dave) {
        UUID chat = UUID.randomUUID();
        JsonObject event = new JsonObject().put("type", "event").put("chat", chat.toString()).put("seq", 1).put("kind", "created")
                .put("author", UUID.randomUUID().toString()).put("ts", java.time.Instant.now().toString());
        JsonObject snapshot = new JsonObject().put("id", chat.toString()).put("kind", "group").put("name", "Forged").put("home", "cts-a")
                .put("created_by", event.getString("author")).put("members", new JsonArray()
                        .add(new JsonObject().put("huid", dave.credentials().huid().toString()).put("server", "cts-b").put("role", "member")));
        String payload = new JsonObject().put("event", event).put("chat", snapshot).encode();
        String signed = "cts-a\ncts-b\n999999\nchat.event\n" + payload;
        JsonObject envelope = new JsonObject().put("origin", "cts-a").put("to", "cts-b").put("id", 999999).put("kind", "chat.event")
                .put("payload", payload).put("hops", 7).put("sig", Base64.getEncoder().encodeToString(impostorSignature(signed)));
        sql("ets", "INSERT INTO federation_outbox (destination, envelope) VALUES ('cts-b', ?)", envelope.encode());
        Stratum.await("cts-b to refuse the forged envelope", Duration.ofSeconds(30),
                () -> count("cts-b", "SELECT count(*) FROM audit_log WHERE action = 'server.envelope_refused' AND actor = 'cts-a' "
                        + "AND details LIKE '%bad_signature%'") > 0);
        assertEquals(0, count("cts-b", "SELECT count(*) FROM chat WHERE id = '" + chat + "'"), "the forged chat does not exist");
        // cts-b audits the refusal before it answers the relay, so the relay may still hold the envelope for a moment.
        Stratum.await("the relay (ets) to forget the envelope cts-b refused", Duration.ofSeconds(30),
                () -> count("ets", "SELECT count(*) FROM federation_outbox WHERE envelope LIKE '%999999%'") == 0);
        assertFalse(dave.chats().list().stream().anyMatch(c -> c.id().equals(chat)));
    }

    /** An Ed25519 signature by a key that is not cts-a's. */
    private static byte[] impostorSignature(String text) {
        try {
            java.security.Signature signature = java.security.Signature.getInstance("Ed25519");
            signature.initSign(java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
            signature.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return signature.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitChat(StratumSession member, UUID chat) {
        Stratum.await(member.credentials().address() + " to see chat " + chat, Duration.ofSeconds(30),
                () -> member.chats().list().stream().anyMatch(c -> c.id().equals(chat)));
    }

    /** The bodies of the chat's messages up to {@code untilSeq}, once the member's server has them all. */
    private static List<String> awaitBodies(StratumSession member, UUID chat, long untilSeq) {
        return awaitEvents(member, chat, 0, untilSeq).stream().filter(ChatEvent::isMessage).map(ChatEvent::body).toList();
    }

    /** Events after {@code afterSeq} up to {@code untilSeq}, gap-free, once the member's server has them all. */
    private static List<ChatEvent> awaitEvents(StratumSession member, UUID chat, long afterSeq, long untilSeq) {
        List<List<ChatEvent>> last = new ArrayList<>(List.of(List.of()));
        Stratum.await(member.credentials().address() + " to have events " + (afterSeq + 1) + ".." + untilSeq + " of " + chat,
                Duration.ofSeconds(60), () -> {
                    last.set(0, member.chats().historyBetween(chat, afterSeq, untilSeq));
                    return last.get(0).size() == untilSeq - afterSeq;
                });
        List<ChatEvent> events = last.get(0);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(afterSeq + 1 + i, events.get(i).seq(), "gap-free, in order");
        }
        return events.stream().filter(ChatEvent::isMessage).toList();
    }

    private Settings settings(String server) {
        try {
            return SettingsFile.read(Path.of(dir, server, "settings.yaml"), Optional.empty());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void sql(String server, String statement, String value) {
        Settings settings = settings(server);
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.postgresUser(), settings.postgresPassword());
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, value);
            update.executeUpdate();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long count(String server, String query) {
        Settings settings = settings(server);
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.postgresUser(), settings.postgresPassword());
                PreparedStatement statement = connection.prepareStatement(query); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The demo administrator of one server, through the console's API. */
    static final class DemoAdmin {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String url;
        private final String csrf;

        DemoAdmin(String dir, String server, int port) {
            this.url = "http://localhost:" + port;
            try {
                String password = Files.readString(Path.of(dir, server, "demo-admin-password")).strip();
                HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/admin/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "demo").put("password", password).encode()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, session.statusCode(), session.body());
                this.csrf = new JsonObject(session.body()).getString("csrfToken");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        String call(String method, String path) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path)).header("X-CSRF-Token", csrf)
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), () -> method + " " + path + ": " + response.body());
                return response.body();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** A call with a JSON body (or none); asserts the status and returns the answer's body. */
        String send(String method, String path, JsonObject body, int expected) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path)).header("X-CSRF-Token", csrf)
                        .header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(expected, response.statusCode(), () -> method + " " + path + ": " + response.body());
                return response.body();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        void awaitLink(String remote, String state) {
            Stratum.await("the link to " + remote + " to be " + state, Duration.ofSeconds(60),
                    () -> call("GET", "/api/v1/admin/trusts/" + remote + "/link").contains("\"state\":\"" + state + "\""));
        }
    }
}
