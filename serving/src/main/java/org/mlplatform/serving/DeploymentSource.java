package org.mlplatform.serving;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.deployment.ReplicaReport;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.serving.artifact.ArtifactException;

/**
 * What the runtime needs from the platform about the deployments it serves. Each application that
 * embeds the runtime provides one bean of it: the worker asks platform-api over REST with its
 * service account; platform-api, serving in-process, asks its own services.
 */
public interface DeploymentSource {

    /** The platform cannot be asked right now; the runtime answers 503 and tries again later. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * One deployment, for a load on its first request (after a failover, say); empty when it does
     * not exist (any more).
     *
     * @throws UnavailableException when the platform cannot be asked
     */
    Optional<DeploymentAssignment> get(UUID id);

    /** Reports this runtime's state of a deployment; a failure is logged, never thrown. */
    void report(UUID id, ReplicaReport report);

    /**
     * Withdraws this runtime's report of a deployment it dropped (it is no longer assigned here); a
     * failure is logged, never thrown.
     */
    void withdraw(UUID id);

    /**
     * Copies the blob to {@code target}, checking its size and SHA-256 on the way.
     *
     * @throws ArtifactException when it cannot be fetched or its bytes do not match; the partial
     *     file is deleted
     */
    void fetch(BlobPointer blob, Path target) throws ArtifactException;
}
