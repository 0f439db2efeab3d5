package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stratum.testsupport.TestPostgres;

/** The stratum command run as an administrator runs it, on one CTS with its own Kafka broker process. */
class StratumCommandIT {
    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final Duration LONG = Duration.ofSeconds(240);

    @TempDir
    Path directory;

    @Test
    void shouldInstallRunAndStopOneCts() throws Exception {
        TestPostgres.server();
        int httpPort = Stratum.freePort();
        int kafkaPort = Stratum.freePort();
        String dir = directory.toString();

        Stratum.Result init = Stratum.command(SHORT, "init", "cts", "--dir", dir, "--http-port", Integer.toString(httpPort),
                "--trust-port", Integer.toString(Stratum.freePort()), "--kafka", "localhost:" + kafkaPort);
        assertEquals(0, init.exitCode(), init.all());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve("settings.yaml"))));

        Stratum.Result again = Stratum.command(SHORT, "init", "cts", "--dir", dir);
        assertEquals(1, again.exitCode(), again.all());
        assertTrue(again.err().contains("exists already; use --force"), again.all());

        try {
            Stratum.Result up = Stratum.command(LONG, "up", "--dir", dir);
            assertEquals(0, up.exitCode(), up.all());
            assertTrue(Stratum.ready(httpPort));

            Stratum.Result status = Stratum.command(SHORT, "status", "--dir", dir);
            assertEquals(0, status.exitCode(), status.all());
            assertTrue(status.out().contains("kafka") && status.out().contains("postgresql") && status.out().contains("UP"), status.all());

            Stratum.Result weak = Stratum.command(SHORT, "add-admin", "--dir", dir, "-u", "admin", "-p", "short1");
            assertEquals(1, weak.exitCode(), weak.all());
            assertTrue(weak.err().contains("password refused: the password must have at least 12 characters"), weak.all());

            Stratum.Result admin = Stratum.command(SHORT, "add-admin", "--dir", dir, "-u", "admin", "-p", "veryinsecurepassword123");
            assertEquals(0, admin.exitCode(), admin.all());
            Stratum.Result twice = Stratum.command(SHORT, "add-admin", "--dir", dir, "-u", "admin", "-p", "veryinsecurepassword123");
            assertEquals(1, twice.exitCode(), twice.all());
            assertTrue(twice.err().contains("administrator `admin` exists already"), twice.all());

            Stratum.Result logs = Stratum.command(SHORT, "logs", "--dir", dir, "--tail", "400");
            assertEquals(0, logs.exitCode(), logs.all());
            assertTrue(logs.out().contains("Kafka topics ready"), logs.all());
            assertFalse(logs.out().contains(Files.readString(directory.resolve("prometheus.password")).strip()), "secret in the log");

            String identity = Stratum.get("http://localhost:" + httpPort + "/api/v1/server/identity", null, null).body();
            assertTrue(identity.contains("\"fingerprint\""), identity);
            Stratum.Result restart = Stratum.command(LONG, "restart", "--dir", dir);
            assertEquals(0, restart.exitCode(), restart.all());
            assertTrue(Stratum.ready(httpPort));
            Path archive = classArchive();
            String pid = Files.readString(directory.resolve("run/server.pid")).strip();
            assertTrue(Files.readString(Path.of("/proc", pid, "maps")).contains(archive.toString()),
                    "the restarted server maps the class archive its first start recorded");
            Map<String, Long> classes = perfCounters(pid);
            long fromArchive = classes.get("java.cls.sharedLoadedClasses");
            long parsed = classes.get("java.cls.loadedClasses");
            // A runner jar on the class path (ADR 0022): ~98 % of the classes come from the archive; with
            // Quarkus' fast-jar class loader it was ~75 % (lambdas and unlinked classes are left out).
            assertTrue(fromArchive > 20 * parsed, "classes from the archive " + fromArchive + ", parsed again " + parsed);
            assertEquals(identity, Stratum.get("http://localhost:" + httpPort + "/api/v1/server/identity", null, null).body(),
                    "the signing key must survive a restart");
        } finally {
            Stratum.Result down = Stratum.command(LONG, "down", "--dir", dir);
            assertEquals(0, down.exitCode(), down.all());
        }

        Stratum.Result stopped = Stratum.command(SHORT, "status", "--dir", dir);
        assertEquals(1, stopped.exitCode(), stopped.all());
        assertTrue(stopped.out().contains("not running"), stopped.all());
        assertFalse(Files.exists(directory.resolve("run/server.pid")));
        assertFalse(Files.exists(directory.resolve("run/kafka.pid")));
        assertFalse(Stratum.ready(httpPort));
    }

    /** The JVM's own counters of a running server, as {@code jcmd PID PerfCounter.print} prints them. */
    private static Map<String, Long> perfCounters(String pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), pid, "PerfCounter.print").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        Map<String, Long> counters = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] pair = line.split("=", 2);
            if (pair.length == 2 && pair[1].matches("-?\\d+")) {
                counters.put(pair[0], Long.parseLong(pair[1]));
            }
        }
        return counters;
    }

    /** The first start's server recorded its class-data-sharing archive when it was stopped (ClassArchiveRecorder). */
    private Path classArchive() throws Exception {
        try (var files = Files.list(directory.resolve("run/cds"))) {
            List<Path> archives = files.toList();
            assertEquals(1, archives.size(), archives.toString());
            assertTrue(archives.get(0).getFileName().toString().endsWith(".jsa"), archives.toString());
            return archives.get(0);
        }
    }

    @Test
    void shouldAnswerHelpAndRejectBadUsage() {
        for (List<String> help : List.of(List.of("--help"), List.of("init", "--help"), List.of("demo", "--help"),
                List.of("logs", "--help"), List.of("add-admin", "--help"))) {
            Stratum.Result result = Stratum.command(SHORT, help.toArray(String[]::new));
            assertEquals(0, result.exitCode(), result.all());
            assertTrue(result.out().contains("Usage: stratum"), result.all());
        }
        Stratum.Result unknown = Stratum.command(SHORT, "launch");
        assertEquals(2, unknown.exitCode(), unknown.all());
        Stratum.Result badRole = Stratum.command(SHORT, "init", "xts", "--dir", directory.toString());
        assertEquals(1, badRole.exitCode(), badRole.all());
        assertTrue(badRole.err().contains("ROLE must be cts, ets or rts"), badRole.all());
        Stratum.Result noSettings = Stratum.command(SHORT, "status", "--dir", directory.toString());
        assertEquals(1, noSettings.exitCode(), noSettings.all());
        assertTrue(noSettings.err().contains("no such file; create it with `stratum init"), noSettings.all());
    }
}
