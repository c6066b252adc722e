package org.mlplatform.contract.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A worker that runs many short jobs reports the ones it finished and asks for more in one call,
 * instead of one completion and one claim per job.
 *
 * @param workerId the id the worker got when it registered; the lease owner of the claimed jobs
 * @param kinds the kinds of job to claim; required when {@code claim} is above 0
 * @param completed finished jobs, each with its lease token (at most 100)
 * @param claim how many jobs to claim after the completions (0 to 100), shared fairly between
 *     tenants as single claims are
 * @param waitSeconds how long to wait for a job when none is queued (long poll), as in a claim
 */
public record JobBatchRequest(
        @NotNull UUID workerId,
        List<JobKind> kinds,
        @Size(max = 100) List<@Valid @NotNull JobCompletion> completed,
        @Min(0) @Max(100) int claim,
        @Min(0) @Max(60) Integer waitSeconds) {}
