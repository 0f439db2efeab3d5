package io.stratum.deploy.demo;

import java.nio.file.Path;
import java.util.List;

import io.stratum.common.settings.Role;
import io.stratum.common.settings.Settings;
import io.stratum.deploy.process.Markers;

/**
 * Makes a demo server ready for chat users: its SMTP points at the demo's mail catcher and its
 * registration mask lets {@code <anyone>@<server>.demo} register. Done once per server through
 * the console's API ({@link DemoConsole}), as an administrator would.
 */
final class DemoLogins {
    private final int mailPort;

    DemoLogins(int mailPort) {
        this.mailPort = mailPort;
    }

    /** The e-mail domain of a demo server's users: {@code cts-a.demo}. */
    static String domain(DemoServer server) {
        return server.name() + ".demo";
    }

    /** Configures the server unless it was done before (marker {@code demo-logins.done} in its directory). */
    void configure(DemoServer server, Settings settings, Path serverDirectory) {
        Path done = serverDirectory.resolve("demo-logins.done");
        if (Markers.isSet(done)) {
            return;
        }
        try (DemoConsole console = DemoConsole.open(server, settings, serverDirectory)) {
            console.call("PUT", "/settings/mail", "{\"from\":\"stratum@" + domain(server)
                    + "\",\"host\":\"127.0.0.1\",\"port\":\"" + mailPort + "\",\"user\":\"\",\"security\":\"NONE\"}");
            String mask = "^[^@\\\\s]+@" + server.name().replace("-", "\\\\-") + "\\\\.demo$";
            console.call("PUT", "/settings/registration",
                    "{\"emailMask\":\"" + mask + "\",\"phoneRegistration\":" + (server.role() == Role.RTS) + "}");
        }
        Markers.set(done);
    }

    /** The lines `stratum demo` prints about logging in as a chat user. */
    static List<String> describe(int mailPort) {
        return List.of(
                "Chat users: anyone@<server>.demo may register on that server, e.g. alice@cts-a.demo and bob@cts-a.demo on cts-a.",
                "Every server mails its PINs to the demo's mail catcher (SMTP localhost:" + mailPort + "); read them with:",
                "  deploy/stratum demo mail alice@cts-a.demo",
                "Chat from a shell: deploy/stratum-chat --server http://localhost:8182 login alice@cts-a.demo   (see README, \"Chat within minutes\")");
    }
}
