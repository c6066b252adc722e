package org.mlplatform.contract.deployment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Changes a deployment while it serves: a field left out keeps its value. The limits are those of
 * {@link CreateDeploymentRequest}.
 *
 * @param maxBatchSize requests a worker joins into one forward pass; the next batch uses it
 * @param maxBatchDelayMs how long a worker waits for a batch to fill; the next batch uses it
 * @param replicas how many inference workers serve it: more load it and report READY, fewer drop it
 */
public record UpdateDeploymentRequest(
        @Min(1) @Max(256) Integer maxBatchSize,
        @Min(0) @Max(1000) Integer maxBatchDelayMs,
        @Min(1) @Max(16) Integer replicas) {}
