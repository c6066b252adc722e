package org.mlplatform.api.storage;

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
