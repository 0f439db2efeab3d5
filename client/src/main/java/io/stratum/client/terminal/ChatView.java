package io.stratum.client.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import io.stratum.client.StratumSession;
import io.stratum.client.chat.Chat;
import io.stratum.client.chat.ChatEvent;
import io.stratum.client.http.StratumException;
import io.stratum.client.files.StoredFile;
import io.stratum.client.live.Cursors;
import io.stratum.client.live.Draft;
import io.stratum.client.live.LiveListener;
import io.stratum.client.live.LiveSession;
import io.stratum.client.live.Signals;

/**
 * The interactive chat: shows the last messages, then prints what arrives while sending each line
 * typed. Commands start with a slash ({@code /help}). Incoming messages are marked read.
 */
final class ChatView implements LiveListener {
    private static final int SHOWN_BEFORE = 20;
    private static final String HELP = "Type a message and press Enter. /history [N]  /edit #SEQ TEXT  /delete #SEQ  /file PATH  "
            + "/save #SEQ [DIR]  /quit";

    private final StratumSession session;
    private final Chat chat;
    private final EventFormat format;
    private final UUID me;
    private final PrintStream out;
    private final FileCommands files;
    private final ConcurrentLinkedQueue<CompletableFuture<?>> unanswered = new ConcurrentLinkedQueue<>();
    private volatile LiveSession live;
    private volatile boolean lost;
    private volatile StratumException endedBy;

    ChatView(StratumSession session, Chat chat, UUID me, PrintStream out) {
        this.session = session;
        this.chat = chat;
        this.format = new EventFormat(me);
        this.me = me;
        this.out = out;
        this.files = new FileCommands(session, out);
    }

    /** Runs until /quit or the end of input; returns the exit code. */
    int run(BufferedReader in) throws IOException, InterruptedException {
        List<Chat> chats = session.chats().list();
        Chat current = chats.stream().filter(c -> c.id().equals(chat.id())).findFirst().orElse(chat);
        print("Chat " + ChatTerminal.title(chat, me) + " (" + current.id() + "). " + HELP);
        showHistory(current.lastSeq() + 1, SHOWN_BEFORE);
        try (LiveSession connection = session.live(Cursors.atEndOf(chats), this).start()) {
            live = connection;
            if (!connection.awaitLive(Duration.ofSeconds(20))) {
                print(endedBy != null ? "Cannot connect: " + endedBy.getMessage() : "(not connected yet; messages are sent once it is)");
            } else {
                print("(connected)");
            }
            String line;
            while (endedBy == null && (line = in.readLine()) != null) {
                if (!command(line.strip())) {
                    break;
                }
            }
            awaitAnswers();
        }
        return endedBy == null ? 0 : 1;
    }

    private boolean command(String line) {
        if (line.isEmpty()) {
            return true;
        }
        if (!line.startsWith("/")) {
            track(live.send(chat.id(), line));
            return true;
        }
        String[] words = line.split("\\s+", 3);
        switch (words[0]) {
            case "/quit", "/exit" -> {
                return false;
            }
            case "/history" -> showHistory(Long.MAX_VALUE, words.length > 1 ? number(words[1], SHOWN_BEFORE) : SHOWN_BEFORE);
            case "/edit" -> {
                if (words.length < 3) {
                    print("usage: /edit #SEQ TEXT");
                } else {
                    track(live.edit(chat.id(), number(words[1], -1), words[2]));
                }
            }
            case "/delete" -> {
                if (words.length < 2) {
                    print("usage: /delete #SEQ");
                } else {
                    track(live.delete(chat.id(), number(words[1], -1)));
                }
            }
            case "/file" -> {
                if (words.length < 2) {
                    print("usage: /file PATH");
                } else {
                    sendFile(Path.of(line.substring(words[0].length()).strip()));
                }
            }
            case "/save" -> {
                if (words.length < 2) {
                    print("usage: /save #SEQ [DIR]");
                } else {
                    save(number(words[1], -1), Path.of(words.length > 2 ? words[2] : "."));
                }
            }
            default -> print(HELP);
        }
        return true;
    }

    /** Uploads the file (the input waits meanwhile), then sends it as a message; it shows when the server has stored it. */
    private void sendFile(Path file) {
        try {
            StoredFile stored = files.upload(chat.id(), file);
            print("(uploaded " + FileCommands.described(stored) + ")");
            track(live.send(chat.id(), "f-" + UUID.randomUUID(), Draft.files(List.of(stored.id()))));
        } catch (StratumException | IllegalArgumentException | java.io.UncheckedIOException e) {
            print("(not sent: " + e.getMessage() + (e instanceof StratumException failure ? " (" + failure.code() + ")" : "") + ")");
        }
    }

    private void save(long seq, Path directory) {
        try {
            files.save(chat.id(), seq, directory);
        } catch (StratumException | IllegalArgumentException | java.io.UncheckedIOException e) {
            print("(not saved: " + e.getMessage() + (e instanceof StratumException failure ? " (" + failure.code() + ")" : "") + ")");
        }
    }

    private void showHistory(long before, int count) {
        int limit = Math.max(1, Math.min(count, 200));
        List<ChatEvent> events = before == Long.MAX_VALUE
                ? session.chats().historyBefore(chat.id(), session.chats().get(chat.id()).lastSeq() + 1, limit)
                : session.chats().historyBefore(chat.id(), before, limit);
        events.forEach(event -> print(format.line(event)));
    }

    private void track(CompletableFuture<?> answer) {
        unanswered.add(answer);
        answer.whenComplete((done, failure) -> {
            unanswered.remove(answer);
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                print("(not sent: " + cause.getMessage() + ")");
            }
        });
    }

    /** Lets what was typed before /quit reach the server. */
    private void awaitAnswers() throws InterruptedException {
        for (CompletableFuture<?> answer : List.copyOf(unanswered)) {
            try {
                answer.get(15, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // printed by track()
            } catch (java.util.concurrent.TimeoutException e) {
                print("(a message was not confirmed by the server; it may not have been sent)");
            }
        }
    }

    @Override
    public void onEvent(ChatEvent event) {
        if (!event.chat().equals(chat.id())) {
            return;
        }
        print(format.line(event));
        if (event.isMessage() && !"me".equals(format.who(event.author()))) {
            live.markRead(chat.id(), event.seq());
        }
    }

    @Override
    public void onReceipt(Signals.Receipt receipt) {
        if (receipt.chat().equals(chat.id()) && receipt.readSeq() != null && !"me".equals(format.who(receipt.member()))) {
            print("(" + format.who(receipt.member()) + " read up to #" + receipt.readSeq() + ")");
        }
    }

    @Override
    public void onSynced() {
        if (lost) {
            lost = false;
            print("(reconnected)");
        }
    }

    @Override
    public void onConnectionLost(String reason, long retryInMillis) {
        lost = true;
        print("(connection lost: " + reason + "; reconnecting)");
    }

    @Override
    public void onEnded(StratumException reason) {
        if (reason != null) {
            endedBy = reason;
            print("(session ended: " + reason.getMessage() + "; log in again. Press Enter.)");
        }
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static int number(String text, int otherwise) {
        try {
            return Integer.parseInt(text.replace("#", ""));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
