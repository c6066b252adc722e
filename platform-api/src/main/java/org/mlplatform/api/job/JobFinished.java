package org.mlplatform.api.job;

import java.util.Map;
import java.util.UUID;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;

/**
 * Fired synchronously, in the finishing transaction, when a job reaches SUCCEEDED or FAILED (for
 * good), so the feature that queued it can update its own objects. A TRAIN job is loaded in the
 * transaction ({@code Job.findById} gives the same instance) and an observer may still turn its
 * success into a failure; other kinds are finished without loading the entity.
 *
 * @param spec the job's spec
 * @param status the job's final status
 * @param error why the job failed; null when it succeeded
 * @param result the worker's typed result, such as a {@code ModelValidationResult}; null on failure
 */
public record JobFinished(
        UUID jobId,
        JobKind kind,
        Map<String, Object> spec,
        JobStatus status,
        String error,
        Object result) {}
