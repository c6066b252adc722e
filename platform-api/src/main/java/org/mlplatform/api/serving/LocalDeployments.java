package org.mlplatform.api.serving;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.deployment.DeploymentAssignments;
import org.mlplatform.api.storage.BlobContent;
import org.mlplatform.api.storage.StorageService;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.deployment.ReplicaReport;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.serving.DeploymentSource;
import org.mlplatform.serving.artifact.ArtifactException;
import org.mlplatform.serving.artifact.VerifiedCopy;

/**
 * The serving runtime's {@link DeploymentSource} inside platform-api: the same assignments, reports
 * and blobs a worker gets over {@code /internal/v1}, from the services behind those endpoints.
 */
@ApplicationScoped
public class LocalDeployments implements DeploymentSource {

    private static final Logger LOG = Logger.getLogger(LocalDeployments.class);

    private final DeploymentAssignments assignments;
    private final StorageService storage;
    private final LocalWorker worker;

    public LocalDeployments(
            DeploymentAssignments assignments, StorageService storage, LocalWorker worker) {
        this.assignments = assignments;
        this.storage = storage;
        this.worker = worker;
    }

    @Override
    public Optional<DeploymentAssignment> get(UUID id) {
        try {
            return Optional.of(assignments.get(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new UnavailableException("the database cannot be reached to load it", e);
        }
    }

    @Override
    public void report(UUID id, ReplicaReport report) {
        Optional<UUID> workerId = worker.id();
        if (workerId.isEmpty()) {
            return;
        }
        try {
            assignments.report(id, workerId.get(), report);
        } catch (NotFoundException e) {
            LOG.debugf("Report of deployment %s dropped: %s", id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Reporting %s of deployment %s failed: %s", report.status(), id, e);
        }
    }

    @Override
    public void withdraw(UUID id) {
        Optional<UUID> workerId = worker.id();
        if (workerId.isEmpty()) {
            return;
        }
        try {
            assignments.withdraw(id, workerId.get());
        } catch (RuntimeException e) {
            LOG.warnf("Withdrawing the report of deployment %s failed: %s", id, e);
        }
    }

    @Override
    public void fetch(BlobPointer blob, Path target) throws ArtifactException {
        VerifiedCopy.requireSha256(blob.sha256());
        Optional<BlobContent> content;
        try {
            content = storage.open(blob.sha256());
        } catch (RuntimeException e) {
            throw new ArtifactException(
                    "Blob " + blob.sha256() + " cannot be opened: " + e.getMessage(), true, e);
        }
        if (content.isEmpty()) {
            throw new ArtifactException("Blob " + blob.sha256() + " is not stored", false, null);
        }
        try (BlobContent open = content.get()) {
            VerifiedCopy.copy(open.stream(), target, blob.sha256(), blob.sizeBytes());
        } catch (IOException e) {
            LOG.debugf("Closing blob %s: %s", blob.sha256(), e);
        }
    }
}
