package org.mlplatform.contract.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * One finished job in a {@link JobBatchRequest}: the fields of {@link CompleteJobRequest} for the
 * job {@code jobId}.
 */
public record JobCompletion(
        @NotNull UUID jobId,
        @NotNull UUID leaseToken,
        ModelValidationResult validation,
        @Valid TrainingResult training) {

    /** The same completion as the single-job call takes it. */
    public CompleteJobRequest request() {
        return new CompleteJobRequest(leaseToken, validation, training, null);
    }
}
