package io.stratum.core.directory;

/**
 * The directory answered but refused the service account or the search (wrong bind DN or
 * password, a base DN that does not exist, a malformed filter): the administrator must fix the
 * settings. The message says what the directory answered, never a password.
 */
public class DirectoryRefused extends RuntimeException {
    public DirectoryRefused(String message) {
        super(message);
    }
}
