package io.stratum.core.files;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStoreTest extends FileStoreContract {
    @TempDir
    Path dir;
    private LocalFileStore store;

    @BeforeEach
    void open() {
        store = new LocalFileStore(dir.resolve("files"));
    }

    @Override
    protected FileStore store() {
        return store;
    }

    @Test
    void shouldLeaveNoPartFileBehindAFailedUpload() throws Exception {
        assertThrows(IOException.class, () -> store.put(key(), new Pattern(2_000_000, 1_000_000), -1));

        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.noneMatch(Files::isRegularFile), "no file is left");
        }
    }

    @Test
    void shouldRefuseAKeyOutsideItsDirectory() {
        assertThrows(IllegalArgumentException.class, () -> store.put("../escape", new ByteArrayInputStream(new byte[1]), 1));
    }

    @Test
    void shouldFailItsCheckWhenTheDirectoryCannotBeCreated() throws Exception {
        Files.writeString(dir.resolve("taken"), "a file where the directory should be");

        IOException failure = assertThrows(IOException.class, () -> new LocalFileStore(dir.resolve("taken/files")).check());

        assertTrue(failure.getClass().getSimpleName().contains("Exception"), failure.toString());
    }
}
