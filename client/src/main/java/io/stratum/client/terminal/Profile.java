package io.stratum.client.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratum.client.auth.CredentialStore;
import io.stratum.client.auth.Credentials;
import io.stratum.client.http.Json;

/**
 * A login kept on disk: {@code <dir>/session.json} with the server URL and the device's
 * credentials. The directory is made 0700 and the file 0600 (the tokens are secrets); the file is
 * replaced atomically, also when the SDK renews the tokens.
 */
final class Profile implements CredentialStore {
    private static final String FILE = "session.json";

    private final Path directory;
    private final String server;

    Profile(Path directory, String server) {
        this.directory = directory;
        this.server = server;
    }

    /** The stored login, if any. */
    static Optional<StoredLogin> read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = Json.parse(Files.readString(file));
            return Optional.of(new StoredLogin(json.get("server").asText(), new Credentials(UUID.fromString(json.get("huid").asText()),
                    Json.text(json, "address"), UUID.fromString(json.get("device_id").asText()), json.get("access_token").asText(),
                    json.get("refresh_token").asText())));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + file + " (" + e.getClass().getSimpleName() + "); log in again");
        }
    }

    /** A login as stored: the server it belongs to and the credentials. */
    record StoredLogin(String server, Credentials credentials) {
    }

    @Override
    public void save(Credentials credentials) {
        try {
            createPrivateDirectory();
            var json = Json.object().put("server", server).put("huid", credentials.huid().toString()).put("address", credentials.address())
                    .put("device_id", credentials.deviceId().toString()).put("access_token", credentials.accessToken())
                    .put("refresh_token", credentials.refreshToken());
            Path temporary = directory.resolve(FILE + ".new");
            Files.deleteIfExists(temporary);
            if (posix()) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, Json.write(json));
            try {
                Files.move(temporary, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the login in " + directory, e);
        }
    }

    /** Forgets the login. */
    void delete() {
        try {
            Files.deleteIfExists(directory.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory.resolve(FILE), e);
        }
    }

    private void createPrivateDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
        }
        if (posix()) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
