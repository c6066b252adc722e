package org.mlplatform.contract.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A job leased to a worker. The worker renews the lease with heartbeats before {@code
 * leaseExpiresAt} and proves it holds the lease with {@code leaseToken} on every later call; a call
 * with a stale token is refused (409), so a job never completes twice.
 *
 * @param attempt 1 for the first run, counting up after each expired lease
 * @param validateModel the spec of a VALIDATE_MODEL job; null for other kinds
 * @param train the spec of a TRAIN job; null for other kinds
 */
public record JobAssignment(
        UUID jobId,
        JobKind kind,
        String tenant,
        int attempt,
        UUID leaseToken,
        Instant leaseExpiresAt,
        ValidateModelSpec validateModel,
        TrainSpec train) {}
