package org.mlplatform.contract.training;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mlplatform.contract.job.JobStatus;

/**
 * A training job. {@code architecture} and {@code hyperparameters} show the values the job runs
 * with, defaults filled in.
 *
 * @param featureColumns the resolved feature columns (tabular tasks)
 * @param classes the label values (classification) or image classes, in the order the model outputs
 *     them
 * @param workerId the worker running it (RUNNING only)
 * @param cancelRequested cancel was asked while it ran; it ends CANCELLED at the next batch
 * @param latestMetrics the last epoch's figures; null before the first epoch ends
 * @param trainingSeconds worker time used so far over all attempts (metered against the quota)
 * @param resultVersion the model version it produced (SUCCEEDED only)
 */
public record TrainingJobResponse(
        UUID id,
        JobStatus status,
        String dataset,
        TrainingTask task,
        String labelColumn,
        List<String> featureColumns,
        List<String> classes,
        ArchitectureSpec architecture,
        Hyperparameters hyperparameters,
        String outputModel,
        WarmStart warmStart,
        int attempt,
        int maxAttempts,
        UUID workerId,
        boolean cancelRequested,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error,
        EpochMetrics latestMetrics,
        long trainingSeconds,
        Integer resultVersion) {}
