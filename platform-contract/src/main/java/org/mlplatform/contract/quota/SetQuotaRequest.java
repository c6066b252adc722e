package org.mlplatform.contract.quota;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * Replaces a tenant's limits. A null limit means unlimited. Lowering a limit below the current use
 * is allowed: nothing is deleted, but new uploads and creations are refused until the use is under
 * the limit again.
 *
 * @param maxConcurrentJobs training jobs running at once; more wait in the queue
 * @param monthlyTrainingSeconds worker seconds of training per calendar month (UTC); a job that
 *     runs out fails with the reason
 * @param maxRequestsPerSecond inference calls per second over all the tenant's keys and gateway
 *     replicas; more get 429 with Retry-After
 * @param monthlyInferenceRequests inference calls per calendar month (UTC); past it every call gets
 *     429 with the problem type quota-exhausted
 */
public record SetQuotaRequest(
        @PositiveOrZero Long maxStorageBytes,
        @PositiveOrZero Integer maxModels,
        @PositiveOrZero Integer maxDatasets,
        @PositiveOrZero Integer maxConcurrentJobs,
        @PositiveOrZero Long monthlyTrainingSeconds,
        @PositiveOrZero Integer maxRequestsPerSecond,
        @PositiveOrZero Long monthlyInferenceRequests) {}
