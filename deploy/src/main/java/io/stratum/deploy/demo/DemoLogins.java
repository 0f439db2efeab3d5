package io.stratum.deploy.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stratum.common.settings.Role;
import io.stratum.common.settings.Settings;
import io.stratum.deploy.admin.AdministratorStore;
import io.stratum.deploy.install.SettingsTemplate;
import io.stratum.deploy.process.Markers;

/**
 * Makes a demo server ready for chat users: its SMTP points at the demo's mail catcher and its
 * registration mask lets {@code <anyone>@<server>.demo} register. Done once per server through
 * the console's API, as an administrator would: the demo creates the administrator {@code demo}
 * (as {@code stratum add-admin} does) with a random password kept in the server's directory
 * ({@code demo-admin-password}, 0600), logs in and saves both settings.
 */
final class DemoLogins {
    static final String ADMIN = "demo";
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

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
        String password = adminPassword(settings, serverDirectory);
        String base = "http://localhost:" + server.httpPort() + "/api/v1/admin";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).cookieHandler(new java.net.CookieManager()).build();
        String session = call(client, "POST", base + "/session", null,
                "{\"username\":\"" + ADMIN + "\",\"password\":\"" + password + "\"}", server);
        Matcher csrf = CSRF.matcher(session);
        if (!csrf.find()) {
            throw new IllegalStateException("server " + server.name() + ": the console login gave no CSRF token");
        }
        call(client, "PUT", base + "/settings/mail", csrf.group(1), "{\"from\":\"stratum@" + domain(server)
                + "\",\"host\":\"127.0.0.1\",\"port\":\"" + mailPort + "\",\"user\":\"\",\"security\":\"NONE\"}", server);
        String mask = "^[^@\\\\s]+@" + server.name().replace("-", "\\\\-") + "\\\\.demo$";
        call(client, "PUT", base + "/settings/registration", csrf.group(1),
                "{\"emailMask\":\"" + mask + "\",\"phoneRegistration\":" + (server.role() == Role.RTS) + "}", server);
        call(client, "DELETE", base + "/session", csrf.group(1), null, server);
        Markers.set(done);
    }

    private static String adminPassword(Settings settings, Path serverDirectory) {
        Path file = serverDirectory.resolve("demo-admin-password");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String password = SettingsTemplate.randomHex(16);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
            new AdministratorStore(settings).create(ADMIN, password);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo administrator's password in " + file, e);
        }
    }

    private static String call(HttpClient client, String method, String url, String csrf, String json, DemoServer server) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("server " + server.name() + ": " + method + " " + URI.create(url).getPath() + " answered "
                        + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("server " + server.name() + " cannot be reached to set up demo logins: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
