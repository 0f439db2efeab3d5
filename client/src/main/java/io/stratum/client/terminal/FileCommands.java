package io.stratum.client.terminal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.stratum.client.StratumSession;
import io.stratum.client.chat.ChatEvent;
import io.stratum.client.files.ReceivedFile;
import io.stratum.client.files.StoredFile;

/**
 * Files from the terminal: {@code sendfile} and {@code /file} upload a file to a chat (the message
 * itself is sent by the caller: over REST for scripts, over the live session in a chat),
 * {@code save} and {@code /save} download the files of a message into a directory.
 */
final class FileCommands {
    private final StratumSession session;
    private final PrintStream out;

    FileCommands(StratumSession session, PrintStream out) {
        this.session = session;
        this.out = out;
    }

    /** Uploads {@code file} to {@code chat}; the message that carries it is still to be sent. */
    StoredFile upload(UUID chat, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": not a readable file");
        }
        return session.files().upload(chat, file);
    }

    /** Saves every file of message {@code seq} of {@code chat} into {@code directory}; returns how many. */
    int save(UUID chat, long seq, Path directory) {
        List<ChatEvent> found = seq < 1 ? List.of() : session.chats().historyAfter(chat, seq - 1, 1);
        ChatEvent message = found.isEmpty() || found.get(0).seq() != seq ? null : found.get(0);
        if (message == null || !message.isMessage() || message.isDeleted()) {
            throw new IllegalArgumentException("#" + seq + " is not a message of this chat");
        }
        if (message.attachments().isEmpty()) {
            throw new IllegalArgumentException("message #" + seq + " has no files");
        }
        for (UUID file : message.attachments()) {
            ReceivedFile saved = session.files().saveInto(file, directory);
            out.println("Saved " + saved.path() + " (" + size(saved.size()) + ").");
        }
        return message.attachments().size();
    }

    static String described(StoredFile file) {
        return file.name() + " (" + size(file.size()) + ")";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
