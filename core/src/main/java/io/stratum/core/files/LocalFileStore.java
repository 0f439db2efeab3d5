package io.stratum.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Files in a directory (a local disk or an NFS mount). An upload is written to a temporary
 * {@code .part} file beside its final place and moved there once complete, so a reader never sees a
 * partial file and a failed upload leaves nothing but what its own cleanup removes.
 */
public final class LocalFileStore implements FileStore {
    private static final int CHUNK = 64 * 1024;

    private final Path root;

    public LocalFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, InputStream content, long length) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[CHUNK];
                for (int n; (n = content.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public void check() throws IOException {
        Files.createDirectories(root);
        Path probe = Files.createTempFile(root, ".probe-", ".tmp");
        Files.delete(probe);
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("storage key outside the files directory");
        }
        return path;
    }
}
