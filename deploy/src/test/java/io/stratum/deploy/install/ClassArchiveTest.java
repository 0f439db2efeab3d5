package io.stratum.deploy.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
    @TempDir
    Path temp;

    private Path installation;
    private Path jar;

    @BeforeEach
    void build() throws Exception {
        installation = Files.createDirectories(temp.resolve("installation"));
        Path app = Files.createDirectories(temp.resolve("quarkus-app"));
        jar = Files.writeString(app.resolve("quarkus-run.jar"), "manifest");
        Files.createDirectories(app.resolve("lib"));
        Files.writeString(app.resolve("lib/a.jar"), "classes");
    }

    @Test
    void shouldRecordOnTheFirstStartAndUseTheArchiveAfterwards() throws Exception {
        List<String> first = archive().jvmOptions();
        assertTrue(first.contains("-XX:+RecordDynamicDumpInfo"), first.toString());
        Path file = Path.of(option(first, "-Dstratum.class-archive="));
        assertTrue(file.startsWith(installation.resolve("run/cds")), file.toString());

        Files.createDirectories(file.getParent());
        Files.writeString(file, "archive");   // what the server's ClassArchiveRecorder leaves

        List<String> later = archive().jvmOptions();
        assertEquals(file.toString(), option(later, "-XX:SharedArchiveFile="));
        assertFalse(later.contains("-XX:+RecordDynamicDumpInfo"), later.toString());
    }

    @Test
    void shouldRecordAgainAfterANewBuildAndDeleteTheStaleArchive() throws Exception {
        Path old = Path.of(option(archive().jvmOptions(), "-Dstratum.class-archive="));
        Files.createDirectories(old.getParent());
        Files.writeString(old, "archive");
        Files.writeString(old.resolveSibling(old.getFileName() + ".partial"), "half");

        Path library = jar.resolveSibling("lib/a.jar");
        Files.writeString(library, "other classes");
        Files.setLastModifiedTime(library, FileTime.fromMillis(Files.getLastModifiedTime(library).toMillis() + 5000));

        List<String> options = archive().jvmOptions();
        Path fresh = Path.of(option(options, "-Dstratum.class-archive="));
        assertNotEquals(old, fresh);
        assertFalse(Files.exists(old), "the archive of the previous build is deleted");
        try (var left = Files.list(old.getParent())) {
            assertEquals(0, left.count(), "no stale or partial archive is left");
        }
    }

    @Test
    void shouldIgnoreTheServersOwnDataBesideTheBuild() throws Exception {
        String before = option(archive().jvmOptions(), "-Dstratum.class-archive=");
        Files.createDirectories(jar.resolveSibling("data/files"));
        Files.writeString(jar.resolveSibling("data/files/upload"), "a file a user sent");
        assertEquals(before, option(archive().jvmOptions(), "-Dstratum.class-archive="));
    }

    private ClassArchive archive() {
        return new ClassArchive(installation, jar, "/usr/bin/java");
    }

    private static String option(List<String> options, String prefix) {
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + options));
    }
}
