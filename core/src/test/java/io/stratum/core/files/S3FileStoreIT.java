package io.stratum.core.files;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 adapter against S3Proxy (a real S3 API over a filesystem blob store) in this JVM. */
class S3FileStoreIT extends FileStoreContract {
    private static final String ACCESS_KEY = "stratum-test";
    private static final String SECRET_KEY = "stratum-test-secret-0123456789";
    private static final String BUCKET = "cts-files";

    private static S3Proxy proxy;
    private static BlobStoreContext blobs;
    private static S3FileStore store;
    private static URI endpoint;

    @BeforeAll
    static void startS3() throws Exception {
        Path dir = Files.createTempDirectory("s3proxy-");
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", dir.toString());
        blobs = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential").overrides(properties)
                .build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(25);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        store = new S3FileStore(endpoint, BUCKET, "us-east-1", ACCESS_KEY, SECRET_KEY, 5 * 1024 * 1024);
    }

    @AfterAll
    static void stopS3() throws Exception {
        store.close();
        proxy.stop();
        blobs.close();
    }

    @Override
    protected FileStore store() {
        return store;
    }

    @Test
    void shouldNameAMissingBucketInItsCheck() {
        try (S3FileStore missing = new S3FileStore(endpoint, "no-such-bucket", "us-east-1", ACCESS_KEY, SECRET_KEY, 5 * 1024 * 1024)) {
            IOException failure = assertThrows(IOException.class, missing::check);

            assertTrue(failure.getMessage().contains("no-such-bucket"), failure.getMessage());
        }
    }

    @Test
    void shouldFailItsCheckWithWrongCredentialsWithoutShowingThem() {
        try (S3FileStore wrong = new S3FileStore(endpoint, BUCKET, "us-east-1", ACCESS_KEY, "not-the-secret", 5 * 1024 * 1024)) {
            IOException failure = assertThrows(IOException.class, wrong::check);

            assertTrue(failure.getMessage().contains("403"), failure.getMessage());
            assertTrue(!failure.getMessage().contains("not-the-secret"), failure.getMessage());
        }
    }

    @Test
    void shouldFailItsCheckWhenTheStorageIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (S3FileStore unreachable = new S3FileStore(URI.create("http://127.0.0.1:" + closedPort), BUCKET, "us-east-1", ACCESS_KEY,
                SECRET_KEY, 5 * 1024 * 1024)) {
            IOException failure = assertThrows(IOException.class, unreachable::check);

            assertTrue(failure.getMessage().contains("cannot be reached"), failure.getMessage());
        }
    }
}
