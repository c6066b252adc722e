package org.mlplatform.contract.deployment;

import java.time.Instant;

/**
 * What one inference worker reported about a deployment.
 *
 * @param worker the worker's name
 * @param status PENDING while it loads, READY once warmed up, FAILED with the reason
 * @param failureReason why loading failed; null otherwise
 * @param loadMillis how long loading and warm-up took; null until READY
 */
public record DeploymentReplicaResponse(
        String worker,
        DeploymentStatus status,
        String failureReason,
        Long loadMillis,
        Instant reportedAt) {}
