package org.mlplatform.serving.artifact;

/**
 * The artifact could not be fetched intact (I/O error, wrong size or checksum): the job fails and
 * may be retried, unlike a model that downloads fine but does not load.
 */
public class ArtifactException extends Exception {

    private final boolean retryable;

    public ArtifactException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether another attempt (perhaps on another worker) could succeed. */
    public boolean retryable() {
        return retryable;
    }
}
