package org.mlplatform.api.storage;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
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
    BlobStore blobStore(StorageConfig config) {
        return switch (config.type()) {
            case "fs" -> fileSystem(config);
            default ->
                    throw new IllegalStateException(
                            "Unknown platform.storage.type '" + config.type() + "'; use fs");
        };
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
