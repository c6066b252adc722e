package org.mlplatform.contract.quota;

/**
 * A tenant's limits with their current use. Later features add fields here.
 *
 * @param storageBytes bytes of model artifacts and datasets the tenant references
 * @param models models (not versions)
 * @param datasets datasets
 * @param concurrentJobs training jobs running now
 * @param trainingSeconds worker seconds of training this calendar month (UTC)
 * @param requestsPerSecond inference calls per second; used: calls in the last full second
 * @param inferenceRequests inference calls this calendar month (UTC)
 */
public record QuotaResponse(
        QuotaLimit storageBytes,
        QuotaLimit models,
        QuotaLimit datasets,
        QuotaLimit concurrentJobs,
        QuotaLimit trainingSeconds,
        QuotaLimit requestsPerSecond,
        QuotaLimit inferenceRequests) {}
