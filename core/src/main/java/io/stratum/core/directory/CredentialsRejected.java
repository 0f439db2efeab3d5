package io.stratum.core.directory;

/** The login is unknown to the directory, matches several people, or the password is wrong (callers do not tell which). */
public class CredentialsRejected extends RuntimeException {
    public CredentialsRejected(String reason) {
        super(reason);
    }
}
