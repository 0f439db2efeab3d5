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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stratum.common.settings.Settings;
import io.stratum.deploy.admin.AdministratorStore;
import io.stratum.deploy.install.SettingsTemplate;

/**
 * A console API session on a demo server, as its administrator: the demo creates the administrator
 * {@code demo} (as {@code stratum add-admin} does) with a random password kept in the server's
 * directory ({@code demo-admin-password}, 0600) and logs in. The demo sets servers up through this
 * session exactly as an administrator would.
 */
final class DemoConsole implements AutoCloseable {
    static final String ADMIN = "demo";
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DemoServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new java.net.CookieManager()).build();
    private final String base;
    private final String csrf;

    private DemoConsole(DemoServer server, String password) {
        this.server = server;
        this.base = "http://localhost:" + server.httpPort() + "/api/v1/admin";
        String session = send("POST", "/session", null, "{\"username\":\"" + ADMIN + "\",\"password\":\"" + password + "\"}");
        Matcher token = CSRF.matcher(session);
        if (!token.find()) {
            throw new IllegalStateException("server " + server.name() + ": the console login gave no CSRF token");
        }
        this.csrf = token.group(1);
    }

    /** Logs in as the demo administrator, creating it on first use. */
    static DemoConsole open(DemoServer server, Settings settings, Path serverDirectory) {
        return new DemoConsole(server, adminPassword(settings, serverDirectory));
    }

    /** Calls the admin API ({@code path} under {@code /api/v1/admin}); a non-2xx answer is an error naming the server. */
    String call(String method, String path, String json) {
        return send(method, path, csrf, json);
    }

    /** Whether {@code GET path} answers 200 (false for 404). */
    boolean exists(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("X-CSRF-Token", csrf).GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200 && status != 404) {
                throw new IllegalStateException("server " + server.name() + ": GET /api/v1/admin" + path + " answered " + status);
            }
            return status == 200;
        } catch (IOException e) {
            throw new IllegalStateException("server " + server.name() + " cannot be reached to set it up: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        send("DELETE", "/session", csrf, null);
    }

    private String send(String method, String path, String csrfToken, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("server " + server.name() + ": " + method + " /api/v1/admin" + path + " answered "
                        + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("server " + server.name() + " cannot be reached to set it up: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
}
