package org.mlplatform.contract.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a model.
 *
 * @param version 1, 2, ... per model
 * @param sizeBytes the artifact's size
 * @param sha256 the artifact's SHA-256, lowercase hex; also its ETag
 * @param signature inputs and outputs; null until validated
 * @param failureReason why validation failed, for a person to act on; null otherwise
 * @param trainingJobId the training job that produced it, when {@code source} is TRAINING
 * @param metrics evaluation metrics of a trained version (accuracy, loss, ...)
 */
public record ModelVersionResponse(
        String model,
        int version,
        ModelVersionStatus status,
        ModelFormat format,
        long sizeBytes,
        String sha256,
        ModelSignature signature,
        String failureReason,
        VersionSource source,
        UUID trainingJobId,
        Map<String, Double> metrics,
        Instant createdAt,
        Instant validatedAt) {}
