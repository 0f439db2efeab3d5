package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a machine without a system PostgreSQL, `stratum up` runs an embedded PostgreSQL from Maven
 * Central; STRATUM_POSTGRES=embedded chooses that path here. `down` stops it with the rest.
 */
class EmbeddedPostgresIT {
    @TempDir
    Path directory;

    @Test
    void shouldRunOneCtsOnEmbeddedPostgres() throws Exception {
        int httpPort = Stratum.freePort();
        int postgresPort = Stratum.freePort();
        String dir = directory.toString();
        Stratum.Result init = Stratum.command(Duration.ofSeconds(30), "init", "cts", "--dir", dir,
                "--http-port", Integer.toString(httpPort), "--trust-port", Integer.toString(Stratum.freePort()),
                "--kafka", "localhost:" + Stratum.freePort());
        assertEquals(0, init.exitCode(), init.all());
        Path settings = directory.resolve("settings.yaml");
        Files.writeString(settings, Files.readString(settings).replace("postgres_host: localhost:5432",
                "postgres_host: localhost:" + postgresPort));

        try {
            Stratum.Result up = Stratum.command(Map.of("STRATUM_POSTGRES", "embedded"), Duration.ofSeconds(300), "up", "--dir", dir);
            assertEquals(0, up.exitCode(), up.all());
            assertTrue(up.out().contains("embedded on port " + postgresPort), up.all());
            assertTrue(Stratum.ready(httpPort));

            Stratum.Result admin = Stratum.command(Duration.ofSeconds(60), "add-admin", "--dir", dir, "-u", "admin",
                    "-p", "veryinsecurepassword123");
            assertEquals(0, admin.exitCode(), admin.all());
        } finally {
            Stratum.Result down = Stratum.command(Duration.ofSeconds(120), "down", "--dir", dir);
            assertEquals(0, down.exitCode(), down.all());
        }
        Stratum.Result status = Stratum.command(Duration.ofSeconds(30), "status", "--dir", dir);
        assertEquals(1, status.exitCode(), status.all());
        assertTrue(status.out().contains("embedded PostgreSQL is stopped"), status.all());
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .map(c -> c.contains(dir) && c.contains("EmbeddedPostgresKeeper")).orElse(false)), "the keeper is still running");
    }
}
