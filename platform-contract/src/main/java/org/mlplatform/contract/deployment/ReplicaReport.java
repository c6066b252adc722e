package org.mlplatform.contract.deployment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A worker's word on one deployment it was assigned (worker API).
 *
 * @param status PENDING while loading, READY after warm-up, FAILED with a reason
 * @param failureReason for a person to act on; null unless FAILED
 * @param loadMillis load plus warm-up time, when READY
 */
public record ReplicaReport(
        @NotNull DeploymentStatus status,
        @Size(max = 2000) String failureReason,
        Long loadMillis) {}
