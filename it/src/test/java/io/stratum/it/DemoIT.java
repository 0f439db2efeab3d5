package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stratum.testsupport.TestPostgres;

/** `stratum demo` brings up the five-server federation; `demo down` leaves nothing running. */
class DemoIT {
    private static final List<Integer> PORTS = List.of(8180, 8181, 8182, 8183, 8184);

    @TempDir
    Path directory;

    @Test
    void shouldStartFiveReadyServersAndStopThemAll() {
        TestPostgres.server();
        String dir = directory.toString();
        try {
            Stratum.Result up = Stratum.command(Duration.ofSeconds(400), "demo", "--dir", dir);
            assertEquals(0, up.exitCode(), up.all());
            for (String name : List.of("rts", "ets", "cts-a", "cts-b", "cts-c")) {
                assertTrue(up.out().contains("server " + name), up.all());
            }
            PORTS.forEach(port -> assertTrue(up.out().contains("http://localhost:" + port + "/admin"), up.all()));
            PORTS.forEach(port -> assertTrue(Stratum.ready(port), "not ready on " + port));

            Stratum.Result status = Stratum.command(Duration.ofSeconds(60), "demo", "status", "--dir", dir);
            assertEquals(0, status.exitCode(), status.all());
        } finally {
            Stratum.Result down = Stratum.command(Duration.ofSeconds(180), "demo", "down", "--dir", dir);
            assertEquals(0, down.exitCode(), down.all());
        }
        PORTS.forEach(port -> assertFalse(Stratum.ready(port), "still answering on " + port));
        Stratum.Result status = Stratum.command(Duration.ofSeconds(60), "demo", "status", "--dir", dir);
        assertEquals(1, status.exitCode(), status.all());
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(false)),
                "a demo process is still running");
    }
}
