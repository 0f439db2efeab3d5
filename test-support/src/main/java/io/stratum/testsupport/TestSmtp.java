package io.stratum.testsupport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) in the test JVM on a free port, shared by the JVM's tests. Tests
 * read what a user's mailbox would receive.
 */
public final class TestSmtp {
    private static GreenMail server;

    private TestSmtp() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** The messages delivered to an address so far. */
    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Waits for the n-th mail to an address and returns the six-digit PIN in its subject. */
    public static String awaitPin(String address, int nth, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> messages = messagesTo(address);
            if (messages.size() >= nth) {
                Matcher pin = Pattern.compile("\\b([0-9]{6})\\b").matcher(GreenMailUtil.getBody(messages.get(nth - 1)));
                if (pin.find()) {
                    return pin.group(1);
                }
                throw new AssertionError("no PIN in the mail to " + address);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no mail number " + nth + " to " + address + " within " + timeout);
    }
}
