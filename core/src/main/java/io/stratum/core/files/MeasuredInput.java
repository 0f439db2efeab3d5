package io.stratum.core.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes (SHA-256) the bytes an upload passes to the store, and stops the upload with
 * {@link FileTooLarge} as soon as it goes over the limit, whatever the client announced.
 */
final class MeasuredInput extends FilterInputStream {
    private final long limit;
    private final MessageDigest digest;
    private long count;

    MeasuredInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new FileTooLarge(limit);
            }
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("an upload cannot be skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    /** The SHA-256 of everything read, in hex; call once, after the end. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
