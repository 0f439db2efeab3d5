package io.stratum.client.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.stratum.client.auth.DeviceTokens;
import io.stratum.client.http.Json;
import io.stratum.client.http.RestCalls;
import io.stratum.client.http.StratumException;

/**
 * Files of the caller's chats. Uploads stream from a path or an {@link InputStream} and downloads
 * stream to a path or an {@link OutputStream}: no file is held whole in memory. Every method blocks
 * until the transfer is done and throws {@link StratumException} with the server's code:
 * {@code file_too_large} (with {@code max_size} in {@link StratumException#details()}),
 * {@code no_such_chat} (not a member), {@code no_such_file} (unknown, or not a member of its chat),
 * {@code files_busy}, {@code storage_unavailable}; a broken or damaged transfer is {@code transport}.
 *
 * <p>The server checks the announced size, the token and the membership before it reads the body,
 * and answers a refusal at once; the HTTP client reads that answer while it is still sending, so a
 * file over the limit stops after a little of it went out. (Uploads do not say
 * {@code Expect: 100-continue}: the JDK 17 HTTP client never completes a request whose expectation
 * is answered with a refusal.) Thread-safe.
 */
public final class ChatFiles {
    private static final String OCTET_STREAM = "application/octet-stream";

    private final RestCalls rest;
    private final DeviceTokens tokens;

    public ChatFiles(RestCalls rest, DeviceTokens tokens) {
        this.rest = rest;
        this.tokens = tokens;
    }

    /** Uploads the file at {@code file} to {@code chat} under its own name, with the media type the platform guesses for it. */
    public StoredFile upload(UUID chat, Path file) {
        String type;
        try {
            type = Files.probeContentType(file);
        } catch (IOException e) {
            type = null;
        }
        return upload(chat, file, String.valueOf(file.getFileName()), type == null ? OCTET_STREAM : type);
    }

    /** Uploads the file at {@code file} to {@code chat} as {@code name} (shown to the members) of media type {@code contentType}. */
    public StoredFile upload(UUID chat, Path file, String name, String contentType) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return tokens.authorized(token -> send(chat, name, contentType, body, token));
    }

    /**
     * Uploads what {@code content} gives until its end, as {@code name} of media type
     * {@code contentType}. {@code length} is the number of bytes it will give, or -1 when unknown
     * (the body is then sent chunked and a file over the limit is stopped as it passes it). The
     * stream is read once and not closed.
     */
    public StoredFile upload(UUID chat, InputStream content, long length, String name, String contentType) {
        ReadWatch watched = new ReadWatch(content);
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> watched);
        HttpRequest.BodyPublisher body = length < 0 ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, length);
        return tokens.authorized(token -> {
            if (watched.read.get() > 0) {
                // A refused token after part of the stream went out cannot be retried with the same stream.
                throw StratumException.transport("the upload was refused after it started; upload again", null);
            }
            return send(chat, name, contentType, body, token);
        });
    }

    /** Streams the file {@code file} to {@code to} (left open) and checks it arrived whole. */
    public ReceivedFile download(UUID file, OutputStream to) {
        try (Download download = open(file)) {
            return download.copyTo(to);
        }
    }

    /** Downloads {@code file} to {@code target}, replacing it; a failed download leaves {@code target} as it was. */
    public ReceivedFile download(UUID file, Path target) {
        try (Download download = open(file)) {
            return download.saveAs(target, true);
        }
    }

    /**
     * Downloads {@code file} into {@code directory} under the name its uploader gave it (made safe
     * for a file system), as "name (2).ext", "name (3).ext"... rather than replacing a file already there.
     */
    public ReceivedFile saveInto(UUID file, Path directory) {
        try (Download download = open(file)) {
            return download.saveAs(directory.resolve(Download.safeName(download.name(), file)), false);
        }
    }

    private StoredFile send(UUID chat, String name, String contentType, HttpRequest.BodyPublisher body, String token) {
        // No timeout: the answer comes after the last byte, however long a large file takes; a stalled upload is ended by the server.
        HttpRequest request = HttpRequest.newBuilder(rest.uri("/api/v1/chats/" + chat + "/files?name=" + encode(name)))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType).header("Accept", "application/json")
                .POST(body).build();
        HttpResponse<String> response = rest.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw RestCalls.failure(response.statusCode(), response.body());
        }
        return StoredFile.fromJson(Json.parse(response.body()));
    }

    private Download open(UUID file) {
        return tokens.authorized(token -> Download.open(rest, file, token));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Counts what was read from an upload's stream, so a retry never re-sends a half-consumed one. */
    private static final class ReadWatch extends FilterInputStream {
        final AtomicLong read = new AtomicLong();

        ReadWatch(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }

        @Override
        public void close() {
            // the caller's stream: the caller closes it
        }
    }
}
