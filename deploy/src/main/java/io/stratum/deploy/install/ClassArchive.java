package io.stratum.deploy.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class-data-sharing archive of one installation's role server, in {@code run/cds/}. The first
 * start of a build records it (the server dumps its loaded classes when it is stopped, see
 * {@code ClassArchiveRecorder}); every later start maps it instead of loading, parsing and
 * verifying those classes again. The file is named after a fingerprint of the build (every file of
 * {@code quarkus-app/} but data, by name, size and time) and of the JDK, so a new build or another JDK
 * records a new archive and the stale one is deleted. A broken archive costs nothing but speed:
 * the JVM then starts without it.
 */
final class ClassArchive {
    private static final String SUFFIX = ".jsa";
    /** What a role build consists of: the runner jar and its lib/ (ADR 0022). The server may keep data of its own beside them. */
    private static final List<String> BUILD_PARTS = List.of("quarkus-run.jar", "lib");

    private final Path directory;
    private final Path jar;
    private final String javaCommand;

    /**
     * @param installation the installation directory
     * @param jar the role's {@code quarkus-run.jar}
     * @param javaCommand the {@code java} executable the server runs on
     */
    ClassArchive(Path installation, Path jar, String javaCommand) {
        this.directory = installation.resolve("run/cds");
        this.jar = jar.toAbsolutePath().normalize();
        this.javaCommand = javaCommand;
    }

    /** The JVM options that use the archive when it exists, or record it when it does not. */
    List<String> jvmOptions() {
        Path archive = directory.resolve(fingerprint() + SUFFIX);
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=error");
        }
        deleteStale();
        // -Xlog:cds=error: the dump would otherwise list, as warnings, every class it leaves out.
        return List.of("-XX:+RecordDynamicDumpInfo", "-Xlog:cds=error", "-Dstratum.class-archive=" + archive);
    }

    private void deleteStale() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains(SUFFIX)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + directory, e);
        }
    }

    private String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((jar + "\n" + javaCommand + "\n" + Runtime.version() + "\n").getBytes(StandardCharsets.UTF_8));
            Path build = jar.getParent();
            for (String part : BUILD_PARTS) {
                Path root = build.resolve(part);
                if (!Files.exists(root)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String entry = build.relativize(file) + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis() + "\n";
                        digest.update(entry.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build in " + jar.getParent(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
