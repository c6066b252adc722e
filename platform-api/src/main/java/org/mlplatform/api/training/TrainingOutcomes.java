package org.mlplatform.api.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.mlplatform.api.job.Job;
import org.mlplatform.api.job.JobFinished;
import org.mlplatform.api.model.ModelVersionService;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.job.TrainingResult;

/**
 * Registers a succeeded TRAIN job's model archive as a new version of its output model, in the
 * completing transaction; a job whose output model was deleted meanwhile fails instead.
 */
@ApplicationScoped
public class TrainingOutcomes {

    private final TrainingSpecs specs;
    private final ModelVersionService versions;

    public TrainingOutcomes(TrainingSpecs specs, ModelVersionService versions) {
        this.specs = specs;
        this.versions = versions;
    }

    void onFinished(@Observes JobFinished finished) {
        if (finished.kind() != JobKind.TRAIN
                || finished.status() != JobStatus.SUCCEEDED
                || !(finished.result() instanceof TrainingResult result)) {
            return;
        }
        // The finishing transaction has the job loaded: this is that instance, without a query.
        Job job = Job.findById(finished.jobId());
        String model = specs.read(job.spec).outputModel();
        versions.registerTrained(job.tenantId, model, job.id, job.num, Job.ARTIFACT_OWNER, result)
                .ifPresentOrElse(
                        version -> job.resultModelVersionId = version.id,
                        () -> {
                            job.status = JobStatus.FAILED;
                            job.error =
                                    "The output model '"
                                            + model
                                            + "' was deleted before the job finished.";
                        });
    }
}
