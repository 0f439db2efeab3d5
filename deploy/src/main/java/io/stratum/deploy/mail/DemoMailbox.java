package io.stratum.deploy.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The mail the {@link MailCatcher} kept, oldest first, and the PINs in it. */
public final class DemoMailbox {
    private static final Pattern PIN = Pattern.compile("\\b([0-9]{6})\\b");

    /** One kept message; {@code pin} is the six-digit code in its subject or text, if any. */
    public record Mail(String to, String subject, Instant date, Optional<String> pin) {
    }

    private final Path directory;

    public DemoMailbox(Path directory) {
        this.directory = directory;
    }

    public List<Mail> all() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Mail> mails = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                mails.add(read(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo mailbox " + directory, e);
        }
        return mails;
    }

    /** The messages to {@code address} (case-insensitive), oldest first. */
    public List<Mail> to(String address) {
        String wanted = address.strip().toLowerCase(Locale.ROOT);
        return all().stream().filter(mail -> java.util.Arrays.stream(mail.to().split(","))
                .anyMatch(recipient -> recipient.strip().toLowerCase(Locale.ROOT).equals(wanted))).toList();
    }

    private static Mail read(String text) {
        String to = header(text, "To");
        String subject = header(text, "Subject");
        String date = header(text, "Date");
        Matcher pin = PIN.matcher(subject);
        Optional<String> code = pin.find() ? Optional.of(pin.group(1)) : Optional.empty();
        if (code.isEmpty()) {
            Matcher inBody = PIN.matcher(text);
            code = inBody.find() ? Optional.of(inBody.group(1)) : Optional.empty();
        }
        Instant when;
        try {
            when = Instant.parse(date);
        } catch (RuntimeException e) {
            when = Instant.EPOCH;
        }
        return new Mail(to, subject, when, code);
    }

    private static String header(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2);
            }
        }
        return "";
    }
}
