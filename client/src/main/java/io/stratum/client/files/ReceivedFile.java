package io.stratum.client.files;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A downloaded file: its name as the uploader gave it, media type, size in bytes, SHA-256 (hex,
 * checked against the server's) and where it was written ({@code path} null when it went to a stream).
 */
public record ReceivedFile(UUID id, String name, String contentType, long size, String sha256, Path path) {
    ReceivedFile at(Path written) {
        return new ReceivedFile(id, name, contentType, size, sha256, written);
    }
}
