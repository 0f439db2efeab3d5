package io.stratum.deploy.install;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stratum.common.settings.Settings;
import io.stratum.deploy.process.Health;
import io.stratum.deploy.process.ServiceProcess;
import io.stratum.deploy.process.Waiting;

/** The role server of one installation, started as {@code java -jar quarkus-run.jar} with its settings.yaml. */
public final class RoleServer {
    /** JVM options for a role server unless {@code STRATUM_JAVA_OPTS} says otherwise (ADR 0020). */
    public static final String DEFAULT_JAVA_OPTS = "-Xms32m -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError";
    private static final Pattern DOWN_CHECK = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Settings settings;
    private final Path directory;
    private final ServiceProcess process;

    public RoleServer(Settings settings, Path directory) {
        this.settings = settings;
        this.directory = directory;
        this.process = new ServiceProcess("server", directory.resolve("run/server.pid"), directory.resolve("logs/server.log"),
                "-Dstratum.settings=" + settings.file().toAbsolutePath());
    }

    public String url() {
        return "http://localhost:" + settings.httpPort();
    }

    public Path logFile() {
        return process.logFile();
    }

    public boolean running() {
        return process.running().isPresent();
    }

    /** Starts the server process unless it runs already. */
    public void start(StratumHome home) {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.javaCommand());
        String options = System.getenv().getOrDefault("STRATUM_JAVA_OPTS", DEFAULT_JAVA_OPTS);
        command.addAll(Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        Path jar = home.roleJar(settings.role());
        command.addAll(new ClassArchive(directory, jar, command.get(0)).jvmOptions());
        command.add("-Dstratum.settings=" + settings.file().toAbsolutePath());
        command.add("-jar");
        command.add(jar.toString());
        process.start(command, jar.getParent(), Map.of());
    }

    /**
     * Waits until the server reports ready. Fails early, with the end of its log, if the process
     * exits (for example because it refused its settings).
     */
    public void awaitReady(Duration timeout) {
        boolean ready = Waiting.until(timeout, () -> !running() || health().up());
        if (!running()) {
            throw new IllegalStateException("the " + settings.role().name() + " server " + settings.serverId()
                    + " stopped during start-up:\n" + tail(15));
        }
        if (!ready) {
            throw new IllegalStateException("the " + settings.role().name() + " server " + settings.serverId()
                    + " is not ready after " + timeout.toSeconds() + " s (" + health().detail() + "); see " + logFile());
        }
    }

    public boolean stop() {
        return process.stop();
    }

    /** Readiness as {@code /q/health/ready} reports it, naming the checks that are down. */
    public Health health() {
        String name = "server " + settings.serverId();
        if (!running()) {
            return Health.down(name, "not running");
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Health.up(name, "ready at " + url());
            }
            List<String> down = new ArrayList<>();
            Matcher matcher = DOWN_CHECK.matcher(response.body());
            while (matcher.find()) {
                down.add(matcher.group(1));
            }
            return Health.down(name, "not ready: " + (down.isEmpty() ? "HTTP " + response.statusCode() : String.join(", ", down) + " down"));
        } catch (IOException e) {
            return Health.down(name, "starting (no answer at " + url() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(name, "interrupted");
        }
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile() + ")";
        }
    }
}
