package org.mlplatform.api.training;

import jakarta.enterprise.context.ApplicationScoped;
import org.mlplatform.api.job.Job;
import org.mlplatform.api.model.ModelVersion;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.training.TrainingJobResponse;

/** Maps a TRAIN job to its wire record. */
@ApplicationScoped
public class TrainingJobResponses {

    private final TrainingSpecs specs;

    public TrainingJobResponses(TrainingSpecs specs) {
        this.specs = specs;
    }

    public TrainingJobResponse of(Job job) {
        TrainingSpec spec = specs.read(job.spec);
        Integer resultVersion = null;
        if (job.resultModelVersionId != null) {
            ModelVersion version = ModelVersion.findById(job.resultModelVersionId);
            resultVersion = version == null ? null : version.version;
        }
        return new TrainingJobResponse(
                job.id,
                job.status,
                spec.dataset(),
                spec.task(),
                spec.labelColumn(),
                spec.featureColumns(),
                spec.classes(),
                spec.architecture(),
                spec.hyperparameters(),
                spec.outputModel(),
                spec.warmStart(),
                job.attempt,
                job.maxAttempts,
                job.status == JobStatus.RUNNING ? job.leaseOwner : null,
                job.cancelRequested,
                job.createdAt,
                job.startedAt,
                job.finishedAt,
                job.error,
                job.latestMetrics,
                job.trainingMillis / 1000,
                resultVersion);
    }
}
