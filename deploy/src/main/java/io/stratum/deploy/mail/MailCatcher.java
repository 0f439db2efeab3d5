package io.stratum.deploy.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The mail catcher process: {@code MailCatcher <smtp port> <mailbox directory>}. Accepts every
 * message on 127.0.0.1 and writes it to the directory as {@code NNNNNN.txt} (To, Subject, Date, a
 * blank line, the text), which {@link DemoMailbox} reads. Runs until killed. For the demo only:
 * nothing leaves this machine.
 */
public final class MailCatcher {
    private MailCatcher() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path mailbox = Path.of(args[1]);
        Files.createDirectories(mailbox);
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        System.out.println("Mail catcher listening on 127.0.0.1:" + port + ", keeping mail in " + mailbox);
        int written = 0;
        while (true) {
            MimeMessage[] received = smtp.getReceivedMessages();
            for (; written < received.length; written++) {
                keep(mailbox, written + 1, received[written]);
            }
            Thread.sleep(200);
        }
    }

    private static void keep(Path mailbox, int number, MimeMessage message) throws IOException {
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
}
