package io.stratum.client.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.UUID;

import io.stratum.client.http.RestCalls;
import io.stratum.client.http.StratumException;

/**
 * One answered {@code GET /api/v1/files/{file}}: its headers, and the body still to be read. The
 * copy checks that every announced byte arrived and that their SHA-256 is the server's
 * ({@code ETag}); a short or damaged body is a {@code transport} failure.
 */
final class Download implements AutoCloseable {
    /** Until the answer's headers; the body then takes as long as it takes. */
    private static final Duration HEADERS_TIMEOUT = Duration.ofMinutes(2);
    private static final int BUFFER = 64 * 1024;

    private final UUID file;
    private final HttpResponse<InputStream> response;

    private Download(UUID file, HttpResponse<InputStream> response) {
        this.file = file;
        this.response = response;
    }

    static Download open(RestCalls rest, UUID file, String token) {
        HttpRequest request = HttpRequest.newBuilder(rest.uri("/api/v1/files/" + file)).timeout(HEADERS_TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<InputStream> response = rest.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String error;
            try (InputStream body = response.body()) {
                error = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                error = "";
            }
            throw RestCalls.failure(response.statusCode(), error);
        }
        return new Download(file, response);
    }

    /** The file's name as the uploader gave it ({@code filename*} of {@code Content-Disposition}), or null. */
    String name() {
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        int start = disposition.indexOf("filename*=UTF-8''");
        if (start < 0) {
            return null;
        }
        String encoded = disposition.substring(start + "filename*=UTF-8''".length());
        int end = encoded.indexOf(';');
        return URLDecoder.decode((end < 0 ? encoded : encoded.substring(0, end)).strip(), StandardCharsets.UTF_8);
    }

    /** {@code name} usable as a file name in any directory: no separators, control characters or dot names; else the file's id. */
    static String safeName(String name, UUID file) {
        if (name == null) {
            return file.toString();
        }
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.appendCodePoint(c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' ? '_' : c));
        String text = safe.toString().strip();
        return text.isEmpty() || text.chars().allMatch(c -> c == '.') ? file.toString() : text;
    }

    ReceivedFile copyTo(OutputStream to) {
        MessageDigest sha256 = sha256();
        long count = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, n);
                to.write(buffer, 0, n);
                count += n;
            }
        } catch (IOException e) {
            throw StratumException.transport("the download of " + file + " broke off after " + count + " bytes; download again", e);
        }
        return verified(count, HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * Writes the body to a temporary file beside {@code target}, then moves it there: replacing a
     * file already there, or else beside it as "name (2).ext", "name (3).ext"...
     */
    ReceivedFile saveAs(Path target, boolean replace) {
        Path directory = target.toAbsolutePath().getParent();
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, ".download-", ".part");
            ReceivedFile received;
            try (OutputStream out = Files.newOutputStream(partial)) {
                received = copyTo(out);
            }
            Path written = replace ? Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING) : moveBeside(partial, target);
            partial = null;
            return received.at(written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static Path moveBeside(Path partial, Path target) throws IOException {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        for (int copy = 1; ; copy++) {
            Path candidate = copy == 1 ? target
                    : target.resolveSibling(dot > 0 ? name.substring(0, dot) + " (" + copy + ")" + name.substring(dot) : name + " (" + copy + ")");
            try {
                return Files.move(partial, candidate);
            } catch (FileAlreadyExistsException e) {
                if (copy >= 1000) {
                    throw e;
                }
            }
        }
    }

    private ReceivedFile verified(long count, String sha256) {
        OptionalLong announced = response.headers().firstValueAsLong("Content-Length");
        if (announced.isPresent() && announced.getAsLong() != count) {
            throw StratumException.transport("the download of " + file + " broke off after " + count + " of " + announced.getAsLong()
                    + " bytes; download again", null);
        }
        String etag = response.headers().firstValue("ETag").orElse("").replace("W/", "").replace("\"", "");
        if (!etag.isEmpty() && !etag.equalsIgnoreCase(sha256)) {
            throw StratumException.transport("the download of " + file + " arrived damaged (SHA-256 differs); download again", null);
        }
        return new ReceivedFile(file, name(), response.headers().firstValue("Content-Type").orElse("application/octet-stream"), count,
                sha256, null);
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // the body was read or is abandoned: nothing left to release
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path partial) {
        if (partial != null) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a leftover .part file in the target directory; nothing else depends on it
            }
        }
    }
}
