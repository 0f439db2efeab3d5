package io.stratum.deploy.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/** The catcher's keeping of mail, with mail sent over SMTP to a real GreenMail server. */
class MailKeeperTest {
    @TempDir
    Path directory;
    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void shouldKeepEveryMessageOnceInTheOrderItArrivedWhateverItsRecipient() throws IOException {
        MailKeeper keeper = new MailKeeper(directory);
        send("alice@cts-a.demo", "111111");
        send("carol@cts-c.demo", "222222");
        keeper.keepNew(smtp.getReceivedMessages());
        // GreenMail lists alice's mailbox before carol's: her second PIN comes first in its list.
        send("alice@cts-a.demo", "333333");
        keeper.keepNew(smtp.getReceivedMessages());
        keeper.keepNew(smtp.getReceivedMessages());
        send("carol@cts-c.demo", "444444");
        keeper.keepNew(smtp.getReceivedMessages());

        DemoMailbox mailbox = new DemoMailbox(directory);
        assertEquals(List.of("111111", "222222", "333333", "444444"), mailbox.all().stream().map(mail -> mail.pin().orElseThrow()).toList());
        assertEquals(List.of(Optional.of("111111"), Optional.of("333333")), mailbox.to("alice@cts-a.demo").stream().map(DemoMailbox.Mail::pin).toList());
    }

    @Test
    void shouldNumberAfterTheMailKeptBeforeARestart() throws IOException {
        new MailKeeper(directory).keepNew(sendAndList("alice@cts-a.demo", "111111"));
        smtp.stop();
        start();

        new MailKeeper(directory).keepNew(sendAndList("alice@cts-a.demo", "222222"));

        assertEquals(List.of(Optional.of("111111"), Optional.of("222222")),
                new DemoMailbox(directory).to("alice@cts-a.demo").stream().map(DemoMailbox.Mail::pin).toList());
    }

    private jakarta.mail.internet.MimeMessage[] sendAndList(String to, String pin) {
        send(to, pin);
        return smtp.getReceivedMessages();
    }

    private void send(String to, String pin) {
        GreenMailUtil.sendTextEmail(to, "noreply@stratum.demo", "Your Stratum PIN: " + pin, "Your PIN is " + pin + ".",
                smtp.getSmtp().getServerSetup());
        smtp.waitForIncomingEmail(5_000, 1);
    }
}
