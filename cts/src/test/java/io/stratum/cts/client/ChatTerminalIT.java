package io.stratum.cts.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
import io.stratum.client.live.Cursors;
import io.stratum.client.live.Draft;
import io.stratum.client.live.LiveSession;
import io.stratum.client.terminal.ChatTerminal;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestSmtp;

/** stratum-chat driven through its standard input and output, as a person at a shell would, against a running CTS. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ChatTerminalIT {
    @Inject
    MailSettingsStore mailSettings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    /** One run of stratum-chat: what it printed and its exit code. */
    record Run(int exit, String out, String err) {
    }

    /** A running stratum-chat with a keyboard to type into and a screen to read. */
    static final class Session {
        final PipedOutputStream keyboard = new PipedOutputStream();
        final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        final ByteArrayOutputStream errors = new ByteArrayOutputStream();
        final CompletableFuture<Integer> exit;

        Session(String... args) throws IOException {
            InputStream in = new PipedInputStream(keyboard);
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
            exit = CompletableFuture.supplyAsync(() -> ChatTerminal.run(args, in, out, err, Map.of()));
        }

        void type(String line) throws IOException {
            keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }

        String shown() {
            synchronized (screen) {
                return screen.toString(StandardCharsets.UTF_8);
            }
        }

        void awaitShown(String text) {
            Recorder.await(() -> shown().contains(text) ? Boolean.TRUE : null, "the terminal to show \"" + text + "\"; it shows:\n" + shown());
        }

        int awaitExit() throws Exception {
            return exit.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldLogInWithThePinTypedAtThePromptAndKeepTheLoginPrivate() throws Exception {
        Path profile = Files.createTempDirectory("stratum-chat");
        String email = "tess-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";

        logIn(profile, email);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.resolve("session.json"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile)));
        Run whoami = run(profile, "whoami");
        assertEquals(0, whoami.exit(), whoami.err());
        assertTrue(whoami.out().contains(email), whoami.out());
    }

    @Test
    void shouldChatInteractivelyAndSendFromScripts() throws Exception {
        Path profile = Files.createTempDirectory("stratum-chat");
        logIn(profile, "tess-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example");
        StratumClient client = StratumClient.of(ClientSdkIT.server());
        StratumSession bob = client.session(ClientSdkIT.logIn(client, "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example"),
                CredentialStore.IN_MEMORY);
        Recorder bobSees = new Recorder();
        try (LiveSession bobLive = bob.live(new Cursors(), bobSees).start()) {
            assertTrue(bobLive.awaitLive(Duration.ofSeconds(20)));

            Session chat = new Session("--server", ClientSdkIT.server().toString(), "--profile", profile.toString(), "chat",
                    bob.credentials().address());
            chat.awaitShown("(connected)");
            chat.type("Hello from the terminal");
            ChatEvent hello = bobSees.awaitEvent(event -> "Hello from the terminal".equals(event.body()));
            bobLive.send(hello.chat(), "Hi, terminal").get(20, TimeUnit.SECONDS);
            chat.awaitShown("Hi, terminal");
            chat.type("/quit");
            assertEquals(0, chat.awaitExit(), chat.errors.toString(StandardCharsets.UTF_8));

            Run sent = run(profile, "send", hello.chat().toString().substring(0, 8), "sent by a script");
            assertEquals(0, sent.exit(), sent.err());
            assertTrue(sent.out().startsWith("Sent as #"), sent.out());
            bobSees.awaitEvent(event -> "sent by a script".equals(event.body()));

            Run listed = run(profile, "chats");
            assertTrue(listed.out().contains(hello.chat().toString()), listed.out());
        }
    }

    @Test
    void shouldSendAFileAndSaveTheFilesOfAMessageFromScripts() throws Exception {
        Path profile = Files.createTempDirectory("stratum-chat");
        logIn(profile, "tess-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example");
        StratumSession bob = sdkUser("bob");
        Chat chat = bob.chats().createPersonal(address(profile));
        String chatRef = chat.id().toString().substring(0, 8);
        Path plan = Files.createTempDirectory("tess-files").resolve("plan.txt");
        Files.writeString(plan, "1. ship it\n".repeat(5000));

        Run sent = run(profile, "sendfile", chatRef, plan.toString(), "the", "plan");
        assertEquals(0, sent.exit(), sent.err());
        assertTrue(sent.out().startsWith("Sent plan.txt ("), sent.out());
        ChatEvent received = bob.chats().historyAfter(chat.id(), 0, 200).stream().filter(ChatEvent::isMessage).findFirst().orElseThrow();
        assertEquals("the plan", received.body());
        Path bobsCopy = bob.files().saveInto(received.attachments().get(0), Files.createTempDirectory("bob-files")).path();
        assertEquals(-1L, Files.mismatch(plan, bobsCopy));

        Path photo = Files.createTempFile("photo", ".jpg");
        Files.write(photo, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3, 4, 5});
        long seq = bob.chats().send(chat.id(), "photo-" + UUID.randomUUID(),
                Draft.files(List.of(bob.files().upload(chat.id(), photo, "holiday.jpg", "image/jpeg").id())));
        Path into = Files.createTempDirectory("tess-saved");
        Run saved = run(profile, "save", chatRef, "#" + seq, into.toString());
        assertEquals(0, saved.exit(), saved.err());
        assertTrue(saved.out().startsWith("Saved " + into.resolve("holiday.jpg")), saved.out());
        assertEquals(-1L, Files.mismatch(photo, into.resolve("holiday.jpg")));
        Run history = run(profile, "history", chatRef);
        assertTrue(history.out().contains("[1 file: /save #" + seq + "]"), history.out());
        Run notAMessage = run(profile, "save", chatRef, "#1", into.toString());
        assertEquals(1, notAMessage.exit(), notAMessage.err());
        assertTrue(notAMessage.err().contains("#1 is not a message"), notAMessage.err());
    }

    @Test
    void shouldSendAFileAndSaveAnAttachmentInAChat() throws Exception {
        Path profile = Files.createTempDirectory("stratum-chat");
        logIn(profile, "tess-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example");
        StratumSession bob = sdkUser("bob");
        Chat chat = bob.chats().createPersonal(address(profile));
        Path sketch = Files.createTempDirectory("tess-sketch").resolve("sketch v2.png");
        Files.write(sketch, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        Path tessSaves = Files.createTempDirectory("tess-saves");
        Recorder bobSees = new Recorder();
        try (LiveSession bobLive = bob.live(new Cursors(), bobSees).start()) {
            assertTrue(bobLive.awaitLive(Duration.ofSeconds(20)));
            Session terminal = new Session("--profile", profile.toString(), "open", chat.id().toString());
            terminal.awaitShown("(connected)");

            terminal.type("/file " + sketch);
            ChatEvent withFile = bobSees.awaitEvent(event -> event.isMessage() && !event.attachments().isEmpty());
            Path bobsCopy = bob.files().saveInto(withFile.attachments().get(0), Files.createTempDirectory("bob-sketch")).path();
            assertEquals("sketch v2.png", bobsCopy.getFileName().toString());
            assertEquals(-1L, Files.mismatch(sketch, bobsCopy));

            Path notes = Files.createTempFile("notes", ".txt");
            Files.writeString(notes, "notes from bob");
            long seq = bob.chats().send(chat.id(), "notes-" + UUID.randomUUID(),
                    Draft.text("my notes").withAttachments(List.of(bob.files().upload(chat.id(), notes, "notes.txt", "text/plain").id())));
            terminal.awaitShown("my notes [1 file: /save #" + seq + "]");
            terminal.type("/save #" + seq + " " + tessSaves);
            terminal.awaitShown("Saved " + tessSaves.resolve("notes.txt"));
            terminal.type("/quit");
            assertEquals(0, terminal.awaitExit(), terminal.errors.toString(StandardCharsets.UTF_8));
        }
        assertEquals("notes from bob", Files.readString(tessSaves.resolve("notes.txt")));
    }

    @Test
    void shouldExplainFailuresWithNonZeroExitCodes() throws Exception {
        Path profile = Files.createTempDirectory("stratum-chat");

        Run notLoggedIn = run(profile, "chats");
        Run unknown = run(profile, "fly");

        assertEquals(1, notLoggedIn.exit());
        assertTrue(notLoggedIn.err().contains("not logged in"), notLoggedIn.err());
        assertEquals(2, unknown.exit());
        logIn(profile, "tess-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example");
        Run noChat = run(profile, "open", "no-such-chat");
        assertEquals(1, noChat.exit());
        assertTrue(noChat.err().contains("no chat matches"), noChat.err());
        Run byEmail = run(profile, "chat", "someone@corp.example");
        assertEquals(1, byEmail.exit());
        assertTrue(byEmail.err().contains("address book"), byEmail.err());
    }

    private static void logIn(Path profile, String email) throws Exception {
        Session login = new Session("--server", ClientSdkIT.server().toString(), "--profile", profile.toString(), "login", email);
        login.awaitShown("PIN: ");
        login.type(TestSmtp.awaitPin(email, TestSmtp.messagesTo(email).size(), Duration.ofSeconds(20)));
        assertEquals(0, login.awaitExit(), login.errors.toString(StandardCharsets.UTF_8));
        assertTrue(login.shown().contains("Logged in as "), login.shown());
    }

    private static StratumSession sdkUser(String name) {
        StratumClient client = StratumClient.of(ClientSdkIT.server());
        return client.session(ClientSdkIT.logIn(client, name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example"),
                CredentialStore.IN_MEMORY);
    }

    /** The address the terminal's user gives to others ({@code whoami}). */
    private static String address(Path profile) {
        Run whoami = run(profile, "whoami");
        assertEquals(0, whoami.exit(), whoami.err());
        return whoami.out().strip().split("\\s+")[0];
    }

    private static Run run(Path profile, String... command) {
        String[] args = new String[command.length + 2];
        args[0] = "--profile";
        args[1] = profile.toString();
        System.arraycopy(command, 0, args, 2, command.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ChatTerminal.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
