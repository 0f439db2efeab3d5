package io.stratum.core.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every {@link FileStore} must do; each adapter's test runs it against a real store. */
abstract class FileStoreContract {
    protected abstract FileStore store();

    @Test
    void shouldReturnExactlyTheStoredBytesOfAKnownLength() throws Exception {
        byte[] content = random(3 * 1024 * 1024 + 17);
        String key = key();

        store().put(key, new ByteArrayInputStream(content), content.length);

        assertArrayEquals(content, read(key));
    }

    @Test
    void shouldStoreAnUploadOfUnknownLengthLargerThanOnePart() throws Exception {
        long size = 12L * 1024 * 1024 + 5;
        String key = key();

        store().put(key, new Pattern(size, -1), -1);

        try (InputStream in = store().open(key)) {
            assertEquals(sha256(new Pattern(size, -1)), sha256(in));
        }
    }

    @Test
    void shouldStoreASmallUploadOfUnknownLength() throws Exception {
        byte[] content = random(1000);
        String key = key();

        store().put(key, new ByteArrayInputStream(content), -1);

        assertArrayEquals(content, read(key));
    }

    @Test
    void shouldLeaveNothingWhenTheContentFailsHalfWay() throws Exception {
        String key = key();

        IOException failure = assertThrows(IOException.class, () -> store().put(key, new Pattern(11L * 1024 * 1024, 7L * 1024 * 1024), -1));

        assertNotNull(UploadPipeline.cause(failure, FileTooLarge.class), "the content's own failure is kept: " + failure);
        assertThrows(NoSuchFileException.class, () -> store().open(key));
    }

    @Test
    void shouldForgetADeletedFile() throws Exception {
        String key = key();
        store().put(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3);

        store().delete(key);
        store().delete(key);

        assertThrows(NoSuchFileException.class, () -> store().open(key));
    }

    @Test
    void shouldPassItsCheckWhenUsable() throws Exception {
        store().check();
    }

    protected static String key() {
        return UUID.randomUUID() + "/" + UUID.randomUUID();
    }

    private byte[] read(String key) throws IOException {
        try (InputStream in = store().open(key)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Generated content, optionally failing as an over-limit upload does once {@code failAt} bytes were read. */
    static final class Pattern extends InputStream {
        private final long length;
        private final long failAt;
        private long position;

        Pattern(long length, long failAt) {
            this.length = length;
            this.failAt = failAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (failAt >= 0 && position >= failAt) {
                throw new FileTooLarge(failAt);
            }
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ((position++ * 31 + 7) % 251);
            }
            return n;
        }
    }
}
