package org.mlplatform.api.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * An upload streamed to the blob store's staging area, not yet referenced by anything. Close it
 * (try-with-resources) around the transaction that commits it: closing discards the staged copy
 * unless {@link StorageService#commit} has promoted it.
 */
public final class StagedUpload implements AutoCloseable {

    private final StagedBlob blob;
    private final BlobStore store;
    private volatile boolean promoted;

    StagedUpload(StagedBlob blob, BlobStore store) {
        this.blob = blob;
        this.store = store;
    }

    public String sha256() {
        return blob.sha256();
    }

    public long size() {
        return blob.size();
    }

    /**
     * Reads the staged bytes again (the caller closes the stream), for checks that cannot run while
     * the upload streams in.
     */
    public InputStream open() throws IOException {
        return store.openStaged(blob);
    }

    StagedBlob blob() {
        return blob;
    }

    void markPromoted() {
        promoted = true;
    }

    @Override
    public void close() {
        if (!promoted) {
            store.discard(blob);
        }
    }
}
