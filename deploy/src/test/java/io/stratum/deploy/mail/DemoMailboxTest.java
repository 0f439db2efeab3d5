package io.stratum.deploy.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoMailboxTest {
    @TempDir
    Path directory;

    @Test
    void shouldReadKeptMailOldestFirstWithItsPin() throws IOException {
        Files.writeString(directory.resolve("000001.txt"), "To: alice@cts-a.demo\nSubject: Your Stratum PIN: 123456\n"
                + "Date: 2026-12-01T09:00:00Z\n\nYour PIN is 123456.\n");
        Files.writeString(directory.resolve("000002.txt"), "To: bob@cts-a.demo\nSubject: Hello\nDate: 2026-12-01T09:01:00Z\n\nno code here\n");
        Files.writeString(directory.resolve("000003.txt"), "To: Alice@cts-a.demo\nSubject: Your Stratum PIN: 654321\n"
                + "Date: 2026-12-01T09:02:00Z\n\nYour PIN is 654321.\n");

        DemoMailbox mailbox = new DemoMailbox(directory);

        assertEquals(3, mailbox.all().size());
        List<DemoMailbox.Mail> alices = mailbox.to("alice@cts-a.demo");
        assertEquals(List.of(Optional.of("123456"), Optional.of("654321")), alices.stream().map(DemoMailbox.Mail::pin).toList());
        assertTrue(mailbox.to("bob@cts-a.demo").get(0).pin().isEmpty());
        assertTrue(mailbox.to("lice@cts-a.demo").isEmpty(), "an address is matched whole");
    }

    @Test
    void shouldBeEmptyBeforeTheCatcherKeptAnything() {
        assertTrue(new DemoMailbox(directory.resolve("missing")).all().isEmpty());
    }
}
