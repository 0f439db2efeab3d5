package io.stratum.cts.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stratum.client.StratumClient;
import io.stratum.client.StratumSession;
import io.stratum.client.auth.CredentialStore;
import io.stratum.client.chat.Chat;
import io.stratum.client.chat.ChatEvent;
import io.stratum.client.files.ReceivedFile;
import io.stratum.client.files.StoredFile;
import io.stratum.client.http.StratumException;
import io.stratum.client.live.Cursors;
import io.stratum.client.live.Draft;
import io.stratum.client.live.LiveSession;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;

/**
 * Files through the Java SDK against a running CTS: streamed upload and download, attachments in
 * messages, and the server's refusals as {@link StratumException}s. The limit is the test
 * properties' 52 MiB ({@code stratum.files.max-size}, as for FilesIT).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ClientSdkFilesIT {
    private static final long LIMIT = 52L * 1024 * 1024;

    @Inject
    MailSettingsStore mailSettings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldDeliverAnAttachmentThatTheOtherMemberDownloadsByteForByte() throws Exception {
        StratumSession alice = user("alice");
        StratumSession bob = user("bob");
        Chat chat = alice.chats().createPersonal(bob.credentials().huid());
        Path report = Files.createTempDirectory("sdk-files").resolve("Отчёт Q4.pdf");
        Files.write(report, randomBytes(4 * 1024 * 1024 + 17));
        Recorder bobSees = new Recorder();
        try (LiveSession bobLive = bob.live(new Cursors(), bobSees).start()) {
            assertTrue(bobLive.awaitLive(Duration.ofSeconds(20)));

            StoredFile stored = alice.files().upload(chat.id(), report);
            long seq = alice.chats().send(chat.id(), "report-1", Draft.text("the report").withAttachments(List.of(stored.id())));

            ChatEvent message = bobSees.awaitEvent(event -> event.seq() == seq);
            assertEquals(List.of(stored.id()), message.attachments());
            Path saved = Files.createTempDirectory("sdk-files-bob").resolve("report.pdf");
            ReceivedFile received = bob.files().download(message.attachments().get(0), saved);
            assertEquals(-1L, Files.mismatch(report, saved), "the downloaded file is the uploaded one, byte for byte");
            assertEquals("Отчёт Q4.pdf", stored.name());
            assertEquals("application/pdf", stored.contentType());
            assertEquals(Files.size(report), stored.size());
            assertEquals(sha256(Files.newInputStream(report)), stored.sha256());
            assertEquals(new ReceivedFile(stored.id(), "Отчёт Q4.pdf", "application/pdf", stored.size(), stored.sha256(), saved), received);
        }
    }

    @Test
    void shouldStreamAnUploadOfUnknownLengthAndADownloadToAStream() {
        StratumSession alice = user("alice");
        Chat chat = alice.chats().createGroup("Streams", List.of(user("bob").credentials().huid()));
        long size = 3L * 1024 * 1024 + 5;

        StoredFile stored = alice.files().upload(chat.id(), new Pattern(size, new AtomicLong()), -1, "stream.bin", "application/octet-stream");
        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        ReceivedFile received = alice.files().download(stored.id(), downloaded);

        assertEquals(size, stored.size());
        assertEquals(sha256(new Pattern(size, new AtomicLong())), stored.sha256());
        assertEquals(stored.sha256(), sha256(new java.io.ByteArrayInputStream(downloaded.toByteArray())));
        assertEquals(size, received.size());
    }

    @Test
    void shouldSaveUnderTheUploadersNameWithoutReplacingAFileAlreadyThere() throws Exception {
        StratumSession alice = user("alice");
        Chat chat = alice.chats().createGroup("Names", List.of(user("bob").credentials().huid()));
        Path notes = Files.createTempDirectory("sdk-names").resolve("notes.txt");
        Files.writeString(notes, "first draft");
        StoredFile stored = alice.files().upload(chat.id(), notes);
        Path into = Files.createTempDirectory("sdk-into");

        ReceivedFile first = alice.files().saveInto(stored.id(), into);
        ReceivedFile second = alice.files().saveInto(stored.id(), into);

        assertEquals(into.resolve("notes.txt"), first.path());
        assertEquals(into.resolve("notes (2).txt"), second.path());
        assertEquals("first draft", Files.readString(second.path()));
        assertEquals("text/plain", stored.contentType());
    }

    @Test
    void shouldRefuseTheFilesOfAChatToSomeoneOutsideIt() throws Exception {
        StratumSession alice = user("alice");
        StratumSession mallory = user("mallory");
        Chat chat = alice.chats().createPersonal(user("bob").credentials().huid());
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "secret plans");
        StoredFile stored = alice.files().upload(chat.id(), secret);

        StratumException download = assertThrows(StratumException.class, () -> mallory.files().download(stored.id(), new ByteArrayOutputStream()));
        StratumException upload = assertThrows(StratumException.class, () -> mallory.files().upload(chat.id(), secret));

        assertEquals("no_such_file", download.code());
        assertEquals(404, download.status());
        assertEquals("no_such_chat", upload.code());
    }

    @Test
    void shouldRefuseAFileOverTheLimitBeforeSendingMostOfIt() throws Exception {
        StratumSession alice = user("alice");
        Chat chat = alice.chats().createPersonal(user("bob").credentials().huid());
        AtomicLong read = new AtomicLong();
        Path huge = Files.createTempFile("huge", ".iso");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(LIMIT + 1);
        }

        StratumException fromStream = assertThrows(StratumException.class,
                () -> alice.files().upload(chat.id(), new Pattern(LIMIT + 1, read), LIMIT + 1, "huge.iso", "application/octet-stream"));
        StratumException fromPath = assertThrows(StratumException.class, () -> alice.files().upload(chat.id(), huge));

        assertEquals("file_too_large", fromStream.code());
        assertEquals(413, fromStream.status());
        assertEquals(LIMIT, fromStream.details().path("max_size").asLong());
        assertTrue(read.get() < LIMIT / 4, "refused on its announced size, not after the upload: " + read.get() + " bytes read");
        assertEquals("file_too_large", fromPath.code());
        Files.delete(huge);
    }

    @Test
    void shouldRefuseAnAttachmentUploadedToAnotherChat() throws Exception {
        StratumSession alice = user("alice");
        Chat chat = alice.chats().createPersonal(user("bob").credentials().huid());
        Chat other = alice.chats().createPersonal(user("carol").credentials().huid());
        Path file = Files.createTempFile("for-carol", ".txt");
        Files.writeString(file, "for carol only");
        StoredFile forCarol = alice.files().upload(other.id(), file);

        StratumException refused = assertThrows(StratumException.class,
                () -> alice.chats().send(chat.id(), "wrong-" + UUID.randomUUID(), Draft.files(List.of(forCarol.id()))));

        assertEquals("invalid_attachment", refused.code());
    }

    private static StratumSession user(String name) {
        StratumClient client = StratumClient.of(ClientSdkIT.server());
        return client.session(ClientSdkIT.logIn(client, name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example"),
                CredentialStore.IN_MEMORY);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(InputStream in) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** {@code size} bytes of a repeating pattern, made as they are read (never held), counting what was read. */
    private static final class Pattern extends InputStream {
        private final long size;
        private final AtomicLong read;
        private long position;

        Pattern(long size, AtomicLong read) {
            this.size = size;
            this.read = read;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            read.incrementAndGet();
            return (int) (position++ * 31 % 251);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) (position++ * 31 % 251);
            }
            read.addAndGet(n);
            return n;
        }
    }
}
