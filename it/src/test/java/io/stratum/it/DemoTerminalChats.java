package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two people chat with {@code deploy/stratum-chat} on one demo server, as the README tells a newcomer:
 * log in with the PIN from the demo's mail catcher, open a chat by address, type a line; the other
 * one lists the chat, reads the history and answers from a script.
 */
final class DemoTerminalChats {
    private static final Pattern LOGGED_IN = Pattern.compile("Logged in as (\\S+) on ");

    private final Path work;
    private final Function<String, String> latestPin;

    /** @param latestPin the newest PIN the mail catcher holds for an address (with when it was sent), or null */
    DemoTerminalChats(Path work, Function<String, String> latestPin) {
        this.work = work;
        this.latestPin = latestPin;
    }

    /** Alice and Bob of {@code <server>.demo} chat on the server listening on {@code port}. */
    void chatOn(String server, int port) {
        String url = "http://localhost:" + port;
        Path alice = work.resolve("terminal-alice-" + server);
        Path bob = work.resolve("terminal-bob-" + server);
        logIn(alice, url, "alice@" + server + ".demo");
        String bobAddress = logIn(bob, url, "bob@" + server + ".demo");
        assertTrue(bobAddress.endsWith("@" + server), bobAddress);

        String hello = "Hello Bob, from the terminal on " + server + " " + UUID.randomUUID();
        Stratum.Result chat = chat(alice, url, "Alice's chat with Bob", hello + "\n/quit\n", "chat", bobAddress);
        assertEquals(0, chat.exitCode(), chat.all());

        Stratum.Result chats = chat(bob, url, "Bob's chats", "", "chats");
        assertEquals(0, chats.exitCode(), chats.all());
        String chatId = chats.out().strip().split("\\s+")[0];
        Stratum.Result history = chat(bob, url, "Bob's history", "", "history", chatId);
        assertTrue(history.out().contains(hello), "Bob's history on " + server + ":\n" + history.all());

        String answer = "Hi Alice " + UUID.randomUUID();
        Stratum.Result sent = chat(bob, url, "Bob's answer", "", "send", chatId, answer);
        assertTrue(sent.out().startsWith("Sent as #"), sent.all());
        Stratum.Result aliceReads = chat(alice, url, "Alice's history", "", "history", chatId);
        assertTrue(aliceReads.out().contains(answer), "Alice's history on " + server + ":\n" + aliceReads.all());
    }

    /** {@code stratum-chat login EMAIL}, typing the PIN the mail catcher received; returns the address it printed. */
    private String logIn(Path profile, String url, String email) {
        String before = latestPin.apply(email);
        Running login = start(profile, url, "login", email);
        String[] pin = new String[1];
        Stratum.await("a new PIN for " + email + " in the mail catcher", Duration.ofSeconds(30), () -> {
            pin[0] = latestPin.apply(email);
            return pin[0] != null && !pin[0].equals(before);
        });
        Stratum.Result result = login.type(pin[0].substring(0, 6) + "\n").finish("login of " + email);
        assertEquals(0, result.exitCode(), result.all());
        Matcher address = LOGGED_IN.matcher(result.out());
        assertTrue(address.find(), result.all());
        return address.group(1);
    }

    private Stratum.Result chat(Path profile, String url, String what, String typed, String... args) {
        return start(profile, url, args).type(typed).finish(what);
    }

    private Running start(Path profile, String url, String... args) {
        List<String> command = new ArrayList<>(List.of(Stratum.HOME.resolve("deploy/stratum-chat").toString(),
                "--profile", profile.toString(), "--server", url));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(work, "chat-out", ".txt");
            Path err = Files.createTempFile(work, "chat-err", ".txt");
            Process process = new ProcessBuilder(command).directory(Stratum.HOME.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Running(process, out, err);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A stratum-chat process: what is typed goes to its standard input, which is closed after. */
    private record Running(Process process, Path out, Path err) {
        Running type(String keys) {
            try (OutputStream keyboard = process.getOutputStream()) {
                keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return this;
        }

        Stratum.Result finish(String what) {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(what + ": stratum-chat did not finish in 60 s");
                }
                return new Stratum.Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
