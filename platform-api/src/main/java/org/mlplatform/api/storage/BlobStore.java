package org.mlplatform.api.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed storage of large byte streams (model artifacts, datasets). Blobs are named by
 * their SHA-256, so the same bytes are stored once. Writing is two steps: {@link #stage} streams
 * the bytes to a temporary place while hashing them, and {@link #promote} makes them permanent once
 * the caller's database change has committed; {@link #discard} removes what was not promoted.
 * Nothing is ever held whole in memory.
 *
 * <p>Implementations: {@link FileSystemBlobStore} (the default) and {@link S3BlobStore}.
 */
public interface BlobStore {

    /**
     * Streams {@code content} to a temporary place, computing its SHA-256 and size on the way.
     *
     * @param maxBytes the most bytes accepted; reading stops with {@link BlobTooLargeException} as
     *     soon as the stream goes past it, and the partial data is removed
     */
    StagedBlob stage(InputStream content, long maxBytes) throws IOException;

    /**
     * Makes a staged blob permanent under its SHA-256 and removes the staged copy. When a blob with
     * that SHA-256 exists already, only the staged copy is removed.
     */
    void promote(StagedBlob staged) throws IOException;

    /**
     * Opens a staged blob for reading, for content checks that need the bytes again before the blob
     * is promoted (such as inspecting a zip). The reader must close the stream.
     */
    InputStream openStaged(StagedBlob staged) throws IOException;

    /** Removes a staged blob that is not going to be promoted. Safe to call twice. */
    void discard(StagedBlob staged);

    boolean exists(String sha256) throws IOException;

    /** Opens a permanent blob for reading; empty when there is none with that SHA-256. */
    Optional<BlobContent> open(String sha256) throws IOException;

    /** Deletes a permanent blob; nothing happens when it does not exist. */
    void delete(String sha256) throws IOException;
}
