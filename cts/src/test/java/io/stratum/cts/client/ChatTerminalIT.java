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
import io.stratum.client.chat.ChatEvent;
import io.stratum.client.live.Cursors;
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
