package org.mlplatform.contract.job;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/**
 * A worker asks for its next job.
 *
 * @param workerId the id the worker got when it registered; becomes the lease owner
 * @param kinds the kinds of job this worker runs
 * @param waitSeconds how long to hold the request open when no job is queued (long poll)
 */
public record ClaimJobRequest(
        @NotNull UUID workerId,
        @NotEmpty List<JobKind> kinds,
        @Min(0) @Max(60) Integer waitSeconds) {}
