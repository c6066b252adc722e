package org.mlplatform.contract.deployment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Makes a READY model version servable. One deployment per model version and tenant (409 when it
 * exists).
 *
 * @param model the model's name
 * @param version the version number; it must be READY
 * @param maxBatchSize requests a worker joins into one forward pass (default 8)
 * @param maxBatchDelayMs how long a worker waits for a batch to fill (default 2)
 * @param replicas how many inference workers serve it (default 1)
 */
public record CreateDeploymentRequest(
        @NotBlank String model,
        @NotNull @Positive Integer version,
        @Min(1) @Max(256) Integer maxBatchSize,
        @Min(0) @Max(1000) Integer maxBatchDelayMs,
        @Min(1) @Max(16) Integer replicas) {}
