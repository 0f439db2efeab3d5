package io.stratum.deploy.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Empty marker files in a state directory, recording what the command did (e.g. "PostgreSQL was started by us"). */
public final class Markers {
    private Markers() {
    }

    public static void set(Path marker) {
        try {
            Files.createDirectories(marker.getParent());
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isSet(Path marker) {
        return Files.exists(marker);
    }

    public static void clear(Path marker) {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
