package io.stratum.deploy.mail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.stratum.deploy.process.Health;
import io.stratum.deploy.process.ServiceProcess;
import io.stratum.deploy.process.Waiting;

/**
 * The {@link MailCatcher} as a process of the demo, in a state directory: mail in
 * {@code mail/}, pid in {@code run/mail-catcher.pid}, log in {@code logs/mail-catcher.log}.
 */
public final class MailCatcherProcess {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path stateDirectory;
    private final int port;
    private final ServiceProcess process;

    public MailCatcherProcess(Path stateDirectory, int port) {
        this.stateDirectory = stateDirectory;
        this.port = port;
        this.process = new ServiceProcess("mail-catcher", stateDirectory.resolve("run/mail-catcher.pid"),
                stateDirectory.resolve("logs/mail-catcher.log"), MailCatcher.class.getName());
    }

    public int port() {
        return port;
    }

    public DemoMailbox mailbox() {
        return new DemoMailbox(stateDirectory.resolve("mail"));
    }

    /** Starts the catcher unless it runs already; waits until it accepts connections. */
    public void start() {
        if (process.running().isPresent() && answers()) {
            return;
        }
        process.start(List.of(ServiceProcess.javaCommand(), "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                MailCatcher.class.getName(), String.valueOf(port), stateDirectory.resolve("mail").toString()), stateDirectory, Map.of());
        if (!Waiting.until(START_TIMEOUT, this::answers)) {
            throw new IllegalStateException("the mail catcher did not start in " + START_TIMEOUT.toSeconds() + " s; see " + process.logFile());
        }
    }

    public boolean stop() {
        return process.stop();
    }

    public Health health() {
        return process.running().isPresent() && answers()
                ? Health.up("mail catcher", "SMTP at localhost:" + port + "; read PINs with: stratum demo mail")
                : Health.down("mail catcher", "not running; start the demo: stratum demo");
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
