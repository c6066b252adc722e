package org.mlplatform.api.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.api.storage.BlobRef;
import org.mlplatform.api.storage.StagedUpload;
import org.mlplatform.api.storage.StorageService;
import org.mlplatform.contract.common.ProblemDetail.FieldError;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.contract.job.Checkpoint;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.JobEventType;

/**
 * The bytes a TRAIN job's worker uploads: checkpoints and the final model archive. Both stream into
 * the blob store with no transaction open and are charged to the tenant's storage like any blob
 * (413 past the quota); a job keeps only its latest checkpoint and its latest archive, the older
 * one's reference is released in the same transaction that commits the new one. The lease is
 * checked before reading a byte and again when committing.
 */
@ApplicationScoped
public class JobUploads {

    private final JobService jobs;
    private final JobEvents events;
    private final StorageService storage;

    public JobUploads(JobService jobs, JobEvents events, StorageService storage) {
        this.jobs = jobs;
        this.events = events;
        this.storage = storage;
    }

    public Checkpoint checkpoint(
            UUID id, UUID leaseToken, int epoch, InputStream in, Long contentLength) {
        long tenantId = leasedTrainJobTenant(id, leaseToken);
        try (StagedUpload staged = storage.stage(tenantId, in, contentLength)) {
            return QuarkusTransaction.requiringNew()
                    .call(
                            () -> {
                                Job job = jobs.leased(id, leaseToken);
                                BlobRef ref = replace(job, Job.CHECKPOINT_OWNER, staged);
                                job.checkpoint = new Checkpoint(epoch, ref.sha256(), ref.size());
                                EpochMetrics metrics = job.latestMetrics;
                                events.append(
                                        job,
                                        JobEventType.CHECKPOINT,
                                        "INFO",
                                        "Checkpoint after epoch " + epoch + " saved.",
                                        null,
                                        metrics != null && metrics.epoch() == epoch
                                                ? metrics
                                                : null);
                                return job.checkpoint;
                            });
        }
    }

    public BlobPointer artifact(UUID id, UUID leaseToken, InputStream in, Long contentLength) {
        long tenantId = leasedTrainJobTenant(id, leaseToken);
        try (StagedUpload staged = storage.stage(tenantId, in, contentLength)) {
            return QuarkusTransaction.requiringNew()
                    .call(
                            () -> {
                                Job job = jobs.leased(id, leaseToken);
                                BlobRef ref = replace(job, Job.ARTIFACT_OWNER, staged);
                                job.artifact = new BlobPointer(ref.sha256(), ref.size());
                                return job.artifact;
                            });
        }
    }

    /** Drops the job's previous blob of this owner type, then references the new one. */
    private BlobRef replace(Job job, String ownerType, StagedUpload staged) {
        if (staged.size() == 0) {
            throw new InvalidRequestException(
                    "The upload is empty.", List.of(new FieldError("body", "must not be empty")));
        }
        storage.release(job.tenantId, ownerType, job.num);
        return storage.commit(job.tenantId, staged, ownerType, job.num);
    }

    private long leasedTrainJobTenant(UUID id, UUID leaseToken) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            Job job = jobs.leased(id, leaseToken);
                            if (job.kind != JobKind.TRAIN) {
                                throw new InvalidRequestException(
                                        "Only TRAIN jobs upload checkpoints and artifacts.",
                                        List.of());
                            }
                            return job.tenantId;
                        });
    }
}
