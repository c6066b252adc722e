package org.mlplatform.api.quota;

/**
 * A tenant's effective limits; null is unlimited.
 *
 * @param maxConcurrentJobs TRAIN jobs running at once
 * @param monthlyTrainingSeconds worker seconds of training per calendar month (UTC)
 * @param maxRequestsPerSecond inference calls per second over all keys and replicas
 * @param monthlyInferenceRequests inference calls per calendar month (UTC)
 */
public record Limits(
        Long maxStorageBytes,
        Long maxModels,
        Long maxDatasets,
        Long maxConcurrentJobs,
        Long monthlyTrainingSeconds,
        Long maxRequestsPerSecond,
        Long monthlyInferenceRequests) {

    Long of(Counter counter) {
        return counter == Counter.MODELS ? maxModels : maxDatasets;
    }
}
