package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.stratum.client.StratumSession;
import io.stratum.client.live.Cursors;
import io.stratum.client.live.LiveListener;
import io.stratum.client.live.LiveSession;
import io.stratum.client.live.Signals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What users of different demo servers see of each other besides messages: profiles, typing, the
 * partner's address book (trust search), files and avatars — always through their own server, which
 * asks the other one over the trusts (directly for the partners cts-a and cts-c, through the ets and
 * the rts for cts-b and cts-c).
 */
final class DemoCrossServerFeatures {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Integer> PORTS = Map.of("cts-a", 8182, "cts-b", 8183, "cts-c", 8184);

    private final String dir;
    private final StratumSession alice;
    private final StratumSession carol;
    private final StratumSession dave;

    /** alice on cts-a, carol on cts-c, dave on cts-b. */
    DemoCrossServerFeatures(String dir, StratumSession alice, StratumSession carol, StratumSession dave) {
        this.dir = dir;
        this.alice = alice;
        this.carol = carol;
        this.dave = dave;
    }

    /** {@code ac}: alice's personal chat with carol (home cts-a); {@code dc}: dave's with carol (home cts-b). */
    void run(UUID ac, UUID dc) {
        profiles();
        editAndDeleteFromAnotherServer(dc);
        typing(dc);
        trustSearch();
        files(ac, dc);
        avatars();
    }

    private void profiles() {
        io.stratum.client.contacts.People.Profile direct = alice.people().profile(carol.credentials().address());
        assertEquals(carol.me().name(), direct.name(), direct::toString);
        assertEquals("cts-c", direct.server());
        assertEquals(null, direct.email(), "a partner's profile shows no e-mail address");
        JsonObject relayed = json(call(dave, "GET", "/api/v1/users/" + carol.credentials().address(), null, null), 200);
        assertEquals(carol.me().name(), relayed.getString("name"), "a profile through the ets and the rts");
        assertEquals("no_such_user", error(call(alice, "GET", "/api/v1/users/" + UUID.randomUUID() + "@cts-c", null, null), 404));
        HttpResponse<byte[]> nowhere = call(alice, "GET", "/api/v1/users/" + UUID.randomUUID() + "@no-such-server", null, null);
        assertTrue(nowhere.statusCode() == 502 || nowhere.statusCode() == 504, () -> nowhere.statusCode() + " " + new String(nowhere.body()));
        assertEquals("address_invalid", error(call(alice, "GET", "/api/v1/users/not-an-address", null, null), 400));
    }

    /** Carol (cts-c) edits one of her messages and deletes another in the chat homed on cts-b; Dave sees both changes. */
    private void editAndDeleteFromAnotherServer(UUID dc) {
        long edited = carol.chats().sendText(dc, "ed-" + UUID.randomUUID(), "to be edited");
        long deleted = carol.chats().sendText(dc, "del-" + UUID.randomUUID(), "to be deleted");
        try (LiveSession live = carol.live(new Cursors(), new LiveListener() { }).start()) {
            assertTrue(live.awaitLive(Duration.ofSeconds(30)), "Carol's live session");
            live.edit(dc, edited, "edited on cts-c").get(30, TimeUnit.SECONDS);
            live.delete(dc, deleted).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Stratum.await("Dave (cts-b) to see Carol's edit and deletion", Duration.ofSeconds(30), () -> {
            Map<Long, io.stratum.client.chat.ChatEvent> bySeq = new java.util.HashMap<>();
            dave.chats().historyAfter(dc, edited - 1, 50).forEach(event -> bySeq.put(event.seq(), event));
            return bySeq.containsKey(edited) && "edited on cts-c".equals(bySeq.get(edited).body())
                    && bySeq.containsKey(deleted) && bySeq.get(deleted).body() == null;
        });
    }

    /** Dave types in his chat with Carol (home cts-b); Carol's device on cts-c is told. */
    private void typing(UUID dc) {
        BlockingQueue<Signals.Typing> seen = new LinkedBlockingQueue<>();
        try (LiveSession carolLive = carol.live(new Cursors(), new LiveListener() {
                    @Override
                    public void onTyping(Signals.Typing typing) {
                        seen.add(typing);
                    }
                }).start();
                LiveSession daveLive = dave.live(new Cursors(), new LiveListener() { }).start()) {
            assertTrue(carolLive.awaitLive(Duration.ofSeconds(30)) && daveLive.awaitLive(Duration.ofSeconds(30)), "both live");
            Signals.Typing typing = null;
            for (int i = 0; i < 40 && typing == null; i++) {
                daveLive.typing(dc);
                typing = seen.poll(500, TimeUnit.MILLISECONDS);
            }
            assertTrue(typing != null, "Carol sees Dave typing");
            assertEquals(dc, typing.chat());
            assertEquals(dave.credentials().huid(), typing.member());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Alice finds Carol in cts-c's address book (the demo's partner trust allows trust search); refused once cts-c forbids it. */
    private void trustSearch() {
        DemoFederationChecks.DemoAdmin ctsC = new DemoFederationChecks.DemoAdmin(dir, "cts-c", PORTS.get("cts-c"));
        String email = carol.me().email();
        ctsC.send("POST", "/api/v1/admin/address-book", new JsonObject().put("name", "Carol Partnerova").put("email", email)
                .put("position", "Buyer").put("company", "Company C").put("phones", new JsonArray().add("+7 343 200-30-30")), 201);
        io.stratum.client.contacts.People.PartnerResults found = alice.people().searchPartners("Partnerova");
        assertEquals("ok", found.statusByServer().get("cts-c"), found::toString);
        io.stratum.client.contacts.People.Entry entry = found.entries().stream().filter(e -> email.equals(e.email())).findFirst()
                .orElseThrow(() -> new AssertionError("Carol not found: " + found));
        assertEquals(carol.credentials().address(), entry.address());
        assertEquals("Buyer", entry.position());
        assertEquals("cts-c", entry.server());

        JsonObject trust = new JsonObject(ctsC.send("GET", "/api/v1/admin/trusts/cts-a", null, 200));
        ctsC.send("PUT", "/api/v1/admin/trusts/cts-a", new JsonObject().put("remoteId", "cts-a").put("name", trust.getString("name"))
                .put("kind", trust.getString("kind")).put("endpoint", trust.getString("endpoint")).put("allowTrustSearch", false), 200);
        JsonObject refused = json(call(alice, "GET", "/api/v1/address-book/trusts?q=partnerova", null, null), 200);
        assertEquals("trust_search_off", server(refused, "cts-c").getString("status"), refused::encode);
        assertTrue(refused.getJsonArray("entries").isEmpty());
        ctsC.send("PUT", "/api/v1/admin/trusts/cts-a", new JsonObject().put("remoteId", "cts-a").put("name", trust.getString("name"))
                .put("kind", trust.getString("kind")).put("endpoint", trust.getString("endpoint")).put("allowTrustSearch", true), 200);
        assertTrue(json(call(dave, "GET", "/api/v1/address-book/trusts?q=partnerova", null, null), 200).getJsonArray("servers").isEmpty(),
                "cts-b has no partner trusts");
    }

    /**
     * Files stay on the sender's server and are fetched by the reader's server: Carol's file in the chat
     * homed on cts-a (direct trust), Carol's file in the chat homed on cts-b (through the relays), and
     * Dave's file on the home cts-b read by Carol on cts-c. Somebody outside the chat gets 404.
     */
    private void files(UUID ac, UUID dc) {
        byte[] first = random(600_000);
        String toAlice = sendFile(carol, ac, "report.bin", first);
        assertArrayEquals(first, download(alice, toAlice), "Alice (home cts-a) reads Carol's file from cts-c");
        assertArrayEquals(first, download(alice, toAlice), "and again, from cts-a's copy");
        assertEquals("no_such_file", error(call(dave, "GET", "/api/v1/files/" + toAlice, null, null), 404));

        byte[] second = random(1_300_000);
        String toDave = sendFile(carol, dc, "plan.bin", second);
        assertArrayEquals(second, download(dave, toDave), "Dave (cts-b) reads Carol's file through the ets and the rts");

        byte[] third = random(70_000);
        String toCarol = sendFile(dave, dc, "answer.bin", third);
        assertArrayEquals(third, download(carol, toCarol), "Carol reads the file Dave sent on the chat's home");
    }

    private void avatars() {
        byte[] png = random(40_000);
        png[0] = (byte) 0x89;
        HttpResponse<byte[]> put = call(carol, "PUT", "/api/v1/users/me/avatar", png, "image/png");
        assertEquals(200, put.statusCode(), () -> new String(put.body()));
        HttpResponse<byte[]> got = call(alice, "GET", "/api/v1/users/" + carol.credentials().address() + "/avatar", null, null);
        assertEquals(200, got.statusCode(), () -> new String(got.body()));
        assertArrayEquals(png, got.body(), "Alice sees Carol's avatar, fetched from cts-c");
        assertEquals("image/png", got.headers().firstValue("content-type").orElse(""));
        assertTrue(json(call(alice, "GET", "/api/v1/users/" + carol.credentials().address(), null, null), 200).getBoolean("avatar"));
        assertEquals(404, call(alice, "GET", "/api/v1/users/" + dave.credentials().address() + "/avatar", null, null).statusCode(),
                "Dave has no avatar");
    }

    /** Uploads to the chat on the sender's own server and sends a message with it; returns the file id once the message is stored. */
    private static String sendFile(StratumSession sender, UUID chat, String name, byte[] content) {
        JsonObject uploaded = json(call(sender, "POST", "/api/v1/chats/" + chat + "/files?name=" + name, content, "application/octet-stream"), 201);
        String id = uploaded.getString("id");
        json(call(sender, "POST", "/api/v1/chats/" + chat + "/messages", new JsonObject().put("client_id", "file-" + UUID.randomUUID())
                .put("body", "file " + name).put("attachments", new JsonArray().add(id)).encode().getBytes(StandardCharsets.UTF_8),
                "application/json"), 200);
        return id;
    }

    private static byte[] download(StratumSession reader, String file) {
        HttpResponse<byte[]>[] last = new HttpResponse[1];
        // The message may still be on its way to the reader's server.
        Stratum.await(reader.credentials().address() + " to download " + file, Duration.ofSeconds(60), () -> {
            last[0] = call(reader, "GET", "/api/v1/files/" + file, null, null);
            return last[0].statusCode() != 404;
        });
        assertEquals(200, last[0].statusCode(), () -> new String(last[0].body()));
        return last[0].body();
    }

    private static JsonObject server(JsonObject answer, String id) {
        return answer.getJsonArray("servers").stream().map(JsonObject.class::cast).filter(s -> id.equals(s.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not asked: " + answer.encode()));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static HttpResponse<byte[]> call(StratumSession user, String method, String path, byte[] body, String contentType) {
        String server = user.credentials().address().substring(user.credentials().address().indexOf('@') + 1);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORTS.get(server) + path))
                .header("Authorization", "Bearer " + user.credentials().accessToken()).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonObject json(HttpResponse<byte[]> response, int status) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(status, response.statusCode(), text);
        return new JsonObject(text);
    }

    private static String error(HttpResponse<byte[]> response, int status) {
        JsonObject body = json(response, status);
        return body.containsKey("error") && body.getValue("error") instanceof JsonObject error ? error.getString("code") : body.getString("code");
    }
}
