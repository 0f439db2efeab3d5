package io.stratum.deploy.mail;

import java.nio.file.Files;
import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The mail catcher process: {@code MailCatcher <smtp port> <mailbox directory>}. Accepts every
 * message on 127.0.0.1 and writes it to the directory ({@link MailKeeper}), which
 * {@link DemoMailbox} reads. Runs until killed. For the demo only: nothing leaves this machine.
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
        MailKeeper keeper = new MailKeeper(mailbox);
        while (true) {
            keeper.keepNew(smtp.getReceivedMessages());
            Thread.sleep(200);
        }
    }
}
