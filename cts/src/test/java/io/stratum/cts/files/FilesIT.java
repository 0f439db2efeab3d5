package io.stratum.cts.files;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestDevice;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * File attachments through the local directory store: streamed upload and download, who may read a
 * file, the size limit, and attachments in messages. The test limit is 52 MiB
 * ({@code stratum.files.max-size} in the test properties).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class FilesIT {
    private static final long LIMIT = 52L * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    MailSettingsStore mailSettings;

    record User(String huid, String token) {
    }

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldDownloadExactlyWhatWasUploaded() throws Exception {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, bob);
        byte[] content = "Квартальный отчёт, final v2 ✓\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

        JsonPath uploaded = given().auth().oauth2(alice.token()).contentType("application/pdf").queryParam("name", "Отчёт Q3.pdf")
                .body(content).post("/api/v1/chats/" + chat + "/files").then().statusCode(201)
                .body("size", equalTo(content.length)).body("content_type", equalTo("application/pdf"))
                .body("sha256", equalTo(sha256(content))).body("chat", equalTo(chat)).body("uploader", equalTo(alice.huid()))
                .extract().jsonPath();

        var download = given().auth().oauth2(bob.token()).get("/api/v1/files/" + uploaded.getString("id")).then().statusCode(200)
                .header("Content-Type", "application/pdf").header("Content-Length", String.valueOf(content.length))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%20Q3.pdf"))
                .extract();
        assertArrayEquals(content, download.asByteArray());
    }

    @Test
    void shouldRefuseFilesToSomeoneOutsideTheChat() {
        User alice = user("alice");
        User bob = user("bob");
        User mallory = user("mallory");
        String chat = createChat(alice, bob);
        String file = upload(alice, chat, "secret plans".getBytes(StandardCharsets.UTF_8)).getString("id");

        given().auth().oauth2(mallory.token()).get("/api/v1/files/" + file).then().statusCode(404).body("error.code", equalTo("no_such_file"));
        given().auth().oauth2(mallory.token()).contentType("text/plain").body("let me in").post("/api/v1/chats/" + chat + "/files")
                .then().statusCode(404).body("error.code", equalTo("no_such_chat"));
        given().get("/api/v1/files/" + file).then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().auth().oauth2("stm_forged").get("/api/v1/files/" + file).then().statusCode(401).body("error.code", equalTo("token_invalid"));
        given().auth().oauth2(bob.token()).get("/api/v1/files/" + UUID.randomUUID()).then().statusCode(404)
                .body("error.code", equalTo("no_such_file"));
    }

    @Test
    void shouldRefuseAnAnnouncedOversizedUploadBeforeReadingItsBody() throws Exception {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, bob);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/chats/" + chat + "/files?name=huge.iso HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + alice.token() + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"file_too_large\""), answer);
        }
        upload(alice, chat, "still serving".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAbortAChunkedUploadThatGrowsPastTheLimitAndKeepServing() throws Exception {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, bob);

        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/chats/" + chat + "/files?name=endless.bin"))
                .header("Authorization", "Bearer " + alice.token()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(LIMIT + 1024 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"code\":\"file_too_large\""), refused.body());
        assertEquals(0L, io.stratum.testsupport.TestSql.scalar("SELECT count(*) FROM chat_file WHERE chat_id = ?::uuid", chat));
        String file = upload(alice, chat, "after the refusal".getBytes(StandardCharsets.UTF_8)).getString("id");
        given().auth().oauth2(bob.token()).get("/api/v1/files/" + file).then().statusCode(200).body(equalTo("after the refusal"));
    }

    @Test
    void shouldStreamALargeFileBothWays() throws Exception {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, bob);
        long size = 50L * 1024 * 1024;
        String expected = sha256(new PatternStream(size));

        HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/chats/" + chat + "/files?name=video.mp4"))
                .header("Authorization", "Bearer " + alice.token()).header("Content-Type", "video/mp4")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)), size))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, stored.statusCode(), stored.body());
        JsonObject file = new JsonObject(stored.body());
        assertEquals(size, file.getLong("size"));
        assertEquals(expected, file.getString("sha256"));

        HttpResponse<InputStream> download = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/files/" + file.getString("id")))
                .header("Authorization", "Bearer " + bob.token()).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, download.statusCode());
        assertEquals(String.valueOf(size), download.headers().firstValue("Content-Length").orElseThrow());
        try (InputStream body = download.body()) {
            assertEquals(expected, sha256(body));
        }
    }

    @Test
    void shouldCarryAnAttachmentToTheOtherMemberWhoCanDownloadIt() {
        User alice = user("alice");
        User bob = user("bob");
        String chat = createChat(alice, bob);
        String otherChat = createChat(alice, user("carol"));
        byte[] photo = new byte[20_000];
        new java.util.Random(7).nextBytes(photo);
        String file = given().auth().oauth2(alice.token()).contentType("image/jpeg").queryParam("name", "photo.jpg").body(photo)
                .post("/api/v1/chats/" + chat + "/files").then().statusCode(201).extract().path("id");
        String elsewhere = upload(alice, otherChat, "not for bob".getBytes(StandardCharsets.UTF_8)).getString("id");
        try (TestDevice aliceDevice = online(alice); TestDevice bobDevice = online(bob)) {
            JsonObject ack = aliceDevice.call(new JsonObject().put("type", "send").put("chat", chat).put("client_id", "photo-1")
                    .put("attachments", new JsonArray().add(file)));
            assertEquals("ack", ack.getString("type"), ack.encode());
            JsonObject refused = aliceDevice.call(new JsonObject().put("type", "send").put("chat", chat).put("client_id", "photo-2")
                    .put("attachments", new JsonArray().add(elsewhere)));
            assertEquals("invalid_attachment", refused.getString("code"), refused.encode());

            JsonObject received = bobDevice.await(frame -> "message".equals(frame.getString("kind")));
            List<?> attachments = received.getJsonObject("meta").getJsonArray("attachments").getList();
            assertEquals(List.of(file), attachments);
            assertArrayEquals(photo, given().auth().oauth2(bob.token()).get("/api/v1/files/" + attachments.get(0)).then().statusCode(200)
                    .header("Content-Type", "image/jpeg").extract().asByteArray());
        }
    }

    @Test
    void shouldShowAReplacedAvatarToOtherUsers() {
        User alice = user("alice");
        User bob = user("bob");
        byte[] first = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        byte[] second = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 4, 5, 6, 7};
        given().auth().oauth2(bob.token()).get("/api/v1/users/" + alice.huid() + "/avatar").then().statusCode(404)
                .body("error.code", equalTo("no_such_avatar"));

        given().auth().oauth2(alice.token()).contentType("image/png").body(first).put("/api/v1/users/me/avatar").then().statusCode(200)
                .body("size", equalTo(first.length));
        given().auth().oauth2(alice.token()).contentType("image/jpeg").body(second).put("/api/v1/users/me/avatar").then().statusCode(200)
                .body("content_type", equalTo("image/jpeg"));

        assertArrayEquals(second, given().auth().oauth2(bob.token()).get("/api/v1/users/" + alice.huid() + "/avatar").then().statusCode(200)
                .header("Content-Type", "image/jpeg").extract().asByteArray());
        given().auth().oauth2(alice.token()).contentType("text/html").body("<script>").put("/api/v1/users/me/avatar").then().statusCode(400)
                .body("error.code", equalTo("invalid_field")).body("error.field", equalTo("content_type"));
        given().get("/api/v1/users/" + alice.huid() + "/avatar").then().statusCode(401);
    }

    private static JsonPath upload(User user, String chat, byte[] content) {
        return given().auth().oauth2(user.token()).contentType("text/plain").queryParam("name", "note.txt").body(content)
                .post("/api/v1/chats/" + chat + "/files").then().statusCode(201).extract().jsonPath();
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static TestDevice online(User user) {
        return TestDevice.online(RestAssured.port, user.token(), new JsonObject());
    }

    private static User user(String name) {
        JsonPath login = MailboxLogin.logIn(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example", "desktop");
        return new User(login.getString("huid"), login.getString("access_token"));
    }

    private static String createChat(User creator, User other) {
        return given().auth().oauth2(creator.token()).contentType(ContentType.JSON)
                .body(Map.of("kind", "personal", "members", List.of(other.huid()))).post("/api/v1/chats")
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** A generated body of a given length that is never held in memory as a whole. */
    static final class PatternStream extends InputStream {
        private final long length;
        private long position;

        PatternStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return position < length ? (int) ((position++ * 31 + 7) % 251) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ((position++ * 31 + 7) % 251);
            }
            return n;
        }
    }
}
