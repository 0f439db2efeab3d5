package io.stratum.deploy.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A long-running process started by the stratum command: detached from the terminal (its own
 * session, so Ctrl-C on the command does not reach it), output appended to a log file, its pid in
 * a pid file. A pid file whose process is gone, or now belongs to another program, counts as
 * stopped.
 */
public final class ServiceProcess {
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Path pidFile;
    private final Path logFile;
    private final String marker;

    /**
     * @param marker a string the process's command line must contain for a pid to count as this
     *               process (guards against a pid reused by another program)
     */
    public ServiceProcess(String name, Path pidFile, Path logFile, String marker) {
        this.name = name;
        this.pidFile = pidFile;
        this.logFile = logFile;
        this.marker = marker;
    }

    /** The java binary running this command; child JVMs use the same one. */
    public static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** The running process, if any. */
    public Optional<ProcessHandle> running() {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts the command unless already running; returns its pid. */
    public long start(List<String> command, Path workingDirectory, Map<String, String> environment) {
        Optional<ProcessHandle> existing = running();
        if (existing.isPresent()) {
            return existing.get().pid();
        }
        try {
            Files.createDirectories(pidFile.getParent());
            Files.createDirectories(logFile.getParent());
            List<String> detached = new ArrayList<>();
            detached.add("setsid");
            detached.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(detached)
                    .directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
            return process.pid();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops the process: SIGTERM, then SIGKILL after a grace period. True if it was running. */
    public boolean stop() {
        Optional<ProcessHandle> process = running();
        process.ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
                p.onExit().join();
            }
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return process.isPresent();
    }
}
