package io.stratum.core.directory;

/** The directory did not answer (connection refused, timeout, TLS failure): nothing the user can fix; try later. */
public class DirectoryUnavailable extends RuntimeException {
    public DirectoryUnavailable(String message) {
        super(message);
    }
}
