package org.mlplatform.contract.job;

import org.mlplatform.contract.model.ModelFormat;

/**
 * What a VALIDATE_MODEL job validates. The worker fetches the artifact from {@code
 * /internal/v1/blobs/{sha256}}.
 */
public record ValidateModelSpec(
        String tenant,
        String model,
        int version,
        ModelFormat format,
        String sha256,
        long sizeBytes) {}
