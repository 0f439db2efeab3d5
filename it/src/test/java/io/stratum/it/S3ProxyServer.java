package io.stratum.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;

/** S3Proxy (a real S3 API over a filesystem blob store) in the test JVM, with one bucket; for packaged servers to store files in. */
final class S3ProxyServer implements AutoCloseable {
    static final String ACCESS_KEY = "stratum-it";
    static final String SECRET_KEY = "stratum-it-secret-0123456789";

    private final BlobStoreContext blobs;
    private final S3Proxy proxy;
    private final String bucket;

    private S3ProxyServer(BlobStoreContext blobs, S3Proxy proxy, String bucket) {
        this.blobs = blobs;
        this.proxy = proxy;
        this.bucket = bucket;
    }

    static S3ProxyServer start(Path directory, String bucket) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", Files.createDirectories(directory).toString());
        BlobStoreContext blobs = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential").overrides(properties)
                .build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, bucket);
        S3Proxy proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        Stratum.await("S3Proxy to start", java.time.Duration.ofSeconds(10), () -> "STARTED".equals(proxy.getState()));
        return new S3ProxyServer(blobs, proxy, bucket);
    }

    String uri() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    String bucket() {
        return bucket;
    }

    /** Sizes of the objects in the bucket, below any prefix. */
    List<Long> objectSizes() {
        return blobs.getBlobStore().list(bucket, ListContainerOptions.Builder.recursive()).stream()
                .filter(object -> object.getType() == StorageType.BLOB).map(StorageMetadata::getSize).toList();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        blobs.close();
    }
}
