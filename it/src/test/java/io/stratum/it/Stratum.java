package io.stratum.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built Stratum as a user does: role jars with java -jar, and the deploy/stratum command. */
final class Stratum {
    static final Path HOME = Path.of(System.getProperty("stratum.home", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Stratum() {
    }

    /** What a finished command printed and returned. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Path roleJar(String role) {
        return HOME.resolve(role).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Runs {@code deploy/stratum ARGS} to completion. */
    static Result command(Duration timeout, String... args) {
        return command(Map.of(), timeout, args);
    }

    /** Runs {@code deploy/stratum ARGS} to completion with extra environment variables. */
    static Result command(Map<String, String> environment, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("deploy/stratum").toString()));
        command.addAll(List.of(args));
        return run(command, HOME, environment, timeout);
    }

    static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {
        try {
            Path out = java.nio.file.Files.createTempFile("stratum-out", ".txt");
            Path err = java.nio.file.Files.createTempFile("stratum-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** GET a URL; optional basic credentials; returns status and body (status -1 if nothing answers). */
    static HttpResponse<String> get(String url, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static boolean ready(int port) {
        HttpResponse<String> response = get("http://localhost:" + port + "/q/health/ready", null, null);
        return response != null && response.statusCode() == 200;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Polls every 250 ms until the condition holds; fails the test after the timeout. */
    static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
