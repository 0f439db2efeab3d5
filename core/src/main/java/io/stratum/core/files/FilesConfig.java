package io.stratum.core.files;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Files: size limit, transfers and where the bytes are stored (prefix {@code stratum.files}). The
 * storage keys come from settings.yaml's {@code file_service_env_override} block.
 */
@ConfigMapping(prefix = "stratum.files")
public interface FilesConfig {
    /** Largest file in bytes (default 100 MB); a larger upload is refused with 413 {@code file_too_large}. */
    @WithDefault("104857600")
    long maxSize();

    /** Largest avatar image in bytes (default 5 MB); a larger one is refused with 413 {@code file_too_large}. */
    @WithDefault("5242880")
    long maxAvatarSize();

    /** Uploads and downloads in flight at once; past that a request gets 503 {@code files_busy}. */
    @WithDefault("32")
    int maxTransfers();

    /** How long an upload may send nothing before it is abandoned (and a download may not drain). */
    @WithDefault("60s")
    Duration idleTimeout();

    /** The storage adapter: {@code local} (default) or {@code s3}. */
    @WithDefault("local")
    String adapter();

    /** The local directory adapter. */
    Local local();

    /** The S3-compatible adapter. */
    S3 s3();

    interface Local {
        /** Directory holding the files (may be an NFS mount); created at start when missing. Relative to the working directory. */
        @WithDefault("data/files")
        String directory();
    }

    interface S3 {
        /** Address of the S3-compatible storage, e.g. {@code https://storage.minio.local}. */
        Optional<String> uri();

        /** Bucket holding the files; it must exist. */
        Optional<String> bucket();

        /** Access key id. */
        Optional<String> accessKeyId();

        /** Secret access key; never logged. */
        Optional<String> secretAccessKey();

        /** Signing region; S3-compatible storages usually accept the default. */
        @WithDefault("us-east-1")
        String region();

        /** Part size of a multipart upload used when the client does not send Content-Length (min 5 MiB). */
        @WithDefault("8388608")
        int partSize();
    }
}
