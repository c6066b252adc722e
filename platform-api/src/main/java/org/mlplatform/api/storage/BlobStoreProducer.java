package org.mlplatform.api.storage;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Builds the one {@link BlobStore} that {@code platform.storage.type} selects. */
@ApplicationScoped
public class BlobStoreProducer {

    private static final Logger LOG = Logger.getLogger(BlobStoreProducer.class);

    /** Staged files this old belong to no running upload any more. */
    static final Duration STALE_STAGED_AFTER = Duration.ofDays(1);

    @Produces
    @Singleton
    @Startup
    BlobStore blobStore(StorageConfig config) throws IOException {
        return switch (config.type()) {
            case "fs" -> fileSystem(config);
            case "s3" -> s3(config.s3());
            default ->
                    throw new IllegalStateException(
                            "Unknown platform.storage.type '" + config.type() + "'; use fs or s3");
        };
    }

    void close(@Disposes BlobStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static BlobStore s3(StorageConfig.S3 config) throws IOException {
        S3Settings settings =
                new S3Settings(
                        config.endpoint().orElse(null),
                        config.region(),
                        config.bucket(),
                        config.accessKey().orElse(null),
                        config.secretKey().orElse(null),
                        config.pathStyle(),
                        config.partSize(),
                        config.createBucket());
        S3BlobStore store = new S3BlobStore(settings);
        LOG.infof("Blob store: S3 %s", settings);
        return store;
    }

    private static BlobStore fileSystem(StorageConfig config) {
        FileSystemBlobStore store = new FileSystemBlobStore(config.fs().root());
        int removed = store.removeStaleStagedFiles(STALE_STAGED_AFTER);
        LOG.infof(
                "Blob store: file system under %s (%d stale staged files removed)",
                config.fs().root(), removed);
        return store;
    }
}
