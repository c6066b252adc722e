package org.mlplatform.contract.deployment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mlplatform.contract.model.ModelFormat;

/**
 * A deployed model version.
 *
 * @param status READY when at least one replica is READY; FAILED when all that tried failed
 * @param failureReason the first replica's failure reason, when FAILED
 * @param replicaStatus one entry per worker that reported on it
 * @param defaultVersion whether unversioned calls to the model reach this deployment
 */
public record DeploymentResponse(
        UUID id,
        String model,
        int version,
        ModelFormat format,
        DeploymentStatus status,
        String failureReason,
        int maxBatchSize,
        int maxBatchDelayMs,
        int replicas,
        boolean defaultVersion,
        List<DeploymentReplicaResponse> replicaStatus,
        Instant createdAt,
        Instant readyAt) {}
