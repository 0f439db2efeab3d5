package io.stratum.core.files;

import java.net.URI;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

/**
 * Picks the {@link FileStore} from {@code stratum.files.adapter} (settings.yaml:
 * {@code file_service_env_override.ADAPTER}), refuses an unknown adapter or a missing S3 key by
 * name, and logs the choice.
 */
@ApplicationScoped
public class FileStoreProducer {
    private static final Logger LOGGER = Logger.getLogger(FileStoreProducer.class);

    @Produces
    @Singleton
    FileStore fileStore(FilesConfig config) {
        FileStore store = switch (config.adapter()) {
            case "local" -> new LocalFileStore(Path.of(config.local().directory()));
            case "s3" -> s3(config.s3());
            default -> throw new IllegalStateException("stratum.files.adapter (settings.yaml: file_service_env_override ADAPTER) "
                    + "must be local or s3, not `" + config.adapter() + "`");
        };
        LOGGER.infov("File storage: adapter={0} location={1} max_size={2}", config.adapter(), store.describe(), config.maxSize());
        return store;
    }

    void close(@Disposes FileStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOGGER.debugv("Closing the file store failed: {0}", e.getClass().getName());
            }
        }
    }

    private static FileStore s3(FilesConfig.S3 s3) {
        String uri = required(s3.uri().orElse(null), "AWS_S3_URI", "uri");
        return new S3FileStore(URI.create(uri), required(s3.bucket().orElse(null), "AWS_S3_BUCKET", "bucket"), s3.region(),
                required(s3.accessKeyId().orElse(null), "AWS_ACCESS_KEY_ID", "access-key-id"),
                required(s3.secretAccessKey().orElse(null), "AWS_SECRET_ACCESS_KEY", "secret-access-key"), s3.partSize());
    }

    private static String required(String value, String settingsKey, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the S3 file store needs file_service_env_override key " + settingsKey
                    + " in settings.yaml (property stratum.files.s3." + property + ")");
        }
        return value;
    }
}
