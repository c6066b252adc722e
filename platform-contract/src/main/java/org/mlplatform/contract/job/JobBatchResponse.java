package org.mlplatform.contract.job;

import java.util.List;
import java.util.UUID;

/**
 * What a {@link JobBatchRequest} did.
 *
 * @param completed the jobs that ended SUCCEEDED
 * @param rejected the completions refused, each with the status and reason a single completion
 *     would have got (409 for a stale lease, 404 for an unknown job, 400 for a bad result); the
 *     other completions stand
 * @param jobs the jobs claimed, leased to the worker
 */
public record JobBatchResponse(
        List<UUID> completed, List<Rejected> rejected, List<JobAssignment> jobs) {

    /** A completion that was refused. */
    public record Rejected(UUID jobId, int status, String detail) {}
}
