package io.stratum.deploy.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * Writes each message the catcher's SMTP server received to the mailbox directory once, as
 * {@code NNNNNN.txt} (To, Subject, Date, a blank line, the text), in the order received.
 * GreenMail lists what it received grouped by recipient, not by arrival, so a message is known
 * by its identity (GreenMail keeps one object per stored message), not by its place in that list.
 * Not thread-safe: one polling thread calls it.
 */
final class MailKeeper {
    private final Path mailbox;
    private final Set<MimeMessage> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    private int written;

    /** Numbers new messages after those already in {@code mailbox} (kept before a restart). */
    MailKeeper(Path mailbox) throws IOException {
        this.mailbox = mailbox;
        try (Stream<Path> files = Files.list(mailbox)) {
            this.written = files.map(file -> file.getFileName().toString()).filter(name -> name.matches("[0-9]{6}\\.txt"))
                    .mapToInt(name -> Integer.parseInt(name.substring(0, 6))).max().orElse(0);
        }
    }

    /** Writes the messages of {@code received} not written before; returns how many it wrote. */
    int keepNew(MimeMessage[] received) throws IOException {
        List<MimeMessage> fresh = Arrays.stream(received).filter(message -> !kept.contains(message))
                .sorted(Comparator.comparing(MailKeeper::receivedAt)).toList();
        for (MimeMessage message : fresh) {
            write(++written, message);
            kept.add(message);
        }
        return fresh.size();
    }

    private void write(int number, MimeMessage message) throws IOException {
        String to;
        String subject;
        try {
            Address[] recipients = message.getAllRecipients();
            to = recipients == null ? "" : Arrays.stream(recipients).map(Address::toString).collect(Collectors.joining(", "));
            subject = message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            to = "";
            subject = "(unreadable message)";
        }
        String text = "To: " + to + "\nSubject: " + subject + "\nDate: " + Instant.now() + "\n\n" + GreenMailUtil.getBody(message) + "\n";
        Path temporary = mailbox.resolve(String.format("%06d.tmp", number));
        Files.writeString(temporary, text);
        Files.move(temporary, mailbox.resolve(String.format("%06d.txt", number)), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static Date receivedAt(MimeMessage message) {
        try {
            Date received = message.getReceivedDate();
            return received == null ? new Date(0) : received;
        } catch (MessagingException e) {
            return new Date(0);
        }
    }
}
