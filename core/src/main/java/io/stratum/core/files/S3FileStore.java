package io.stratum.core.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files in a bucket of an S3-compatible storage (MinIO, Ceph, AWS S3…), path-style addressing. A
 * file of known length goes up in one streamed PUT; one of unknown length (chunked upload) in parts
 * of {@code partSize} bytes, so at most one part is in memory per upload. A failed multipart upload
 * is aborted, which leaves no object behind.
 */
public final class S3FileStore implements FileStore, AutoCloseable {
    private static final int CHUNK = 64 * 1024;

    private final S3Client client;
    private final String bucket;
    private final String uri;
    private final int partSize;

    public S3FileStore(URI uri, String bucket, String region, String accessKeyId, String secretAccessKey, int partSize) {
        this.bucket = bucket;
        this.uri = uri.toString();
        this.partSize = Math.max(partSize, 5 * 1024 * 1024);
        this.client = S3Client.builder()
                .endpointOverride(uri)
                .forcePathStyle(true)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClient(UrlConnectionHttpClient.create())
                // S3-compatible storages differ in their support of the newer checksum trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Override
    public void put(String key, InputStream content, long length) throws IOException {
        try {
            if (length >= 0) {
                client.putObject(b -> b.bucket(bucket).key(key).contentLength(length), RequestBody.fromInputStream(content, length));
                return;
            }
            byte[] part = new byte[partSize];
            int filled = fill(content, part);
            if (filled < partSize) {
                client.putObject(b -> b.bucket(bucket).key(key).contentLength((long) filled),
                        RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, filled), filled));
                return;
            }
            putInParts(key, content, part, filled);
        } catch (SdkException e) {
            throw new IOException("S3 storage refused the upload: " + describe(e), e);
        }
    }

    private void putInParts(String key, InputStream content, byte[] part, int firstFilled) throws IOException {
        String upload = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int filled = firstFilled;
            while (filled > 0) {
                int number = parts.size() + 1;
                int size = filled;
                String etag = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(number).contentLength((long) size),
                        RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, size), size)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                filled = fill(content, part);
            }
            client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload).multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            try {
                client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
            } catch (SdkException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    /** Reads until {@code buffer} is full or the content ends; the number of bytes read. */
    private static int fill(InputStream content, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = content.read(buffer, filled, Math.min(CHUNK, buffer.length - filled));
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return client.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw new IOException("S3 storage refused the download: " + describe(e), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("S3 storage refused the deletion: " + describe(e), e);
        }
    }

    @Override
    public void check() throws IOException {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            throw new IOException("bucket " + bucket + " does not exist at " + uri);
        } catch (SdkException e) {
            throw new IOException("bucket " + bucket + " at " + uri + " cannot be reached: " + describe(e));
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + " at " + uri;
    }

    @Override
    public void close() {
        client.close();
    }

    /** The status and error code of the storage, or the class of a connection failure; never a credential. */
    private static String describe(SdkException e) {
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            return "HTTP " + s3.statusCode() + (code == null ? "" : " " + code);
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause.getClass().getSimpleName();
    }
}
