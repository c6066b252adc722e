package org.mlplatform.api.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.mlplatform.api.job.JobFinished;
import org.mlplatform.api.job.ValidateSpecs;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.job.ModelValidationResult;
import org.mlplatform.contract.model.ModelVersionStatus;

/** Turns a finished VALIDATE_MODEL job into READY or FAILED, in the job's transaction. */
@ApplicationScoped
public class ValidationOutcomes {

    void onFinished(@Observes JobFinished finished) {
        if (finished.kind() != JobKind.VALIDATE_MODEL) {
            return;
        }
        ModelVersion version = ModelVersion.findById(ValidateSpecs.modelVersionId(finished.spec()));
        if (version == null || version.status != ModelVersionStatus.VALIDATING) {
            return;
        }
        version.validatedAt = Instant.now();
        if (finished.status() == JobStatus.SUCCEEDED
                && finished.result() instanceof ModelValidationResult result) {
            if (result.valid()) {
                version.status = ModelVersionStatus.READY;
                version.signature = result.signature();
                version.failureReason = null;
            } else {
                version.status = ModelVersionStatus.FAILED;
                version.failureReason =
                        result.failureReason() == null
                                ? "The worker could not load the model."
                                : result.failureReason();
            }
        } else if (finished.status() == JobStatus.SUCCEEDED) {
            version.status = ModelVersionStatus.FAILED;
            version.failureReason = "The worker reported no validation result.";
        } else {
            version.status = ModelVersionStatus.FAILED;
            version.failureReason = "Validation failed: " + finished.error();
        }
    }
}
