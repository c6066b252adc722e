package org.mlplatform.contract.dataset;

import java.time.Instant;

/**
 * A dataset and its profile. Exactly one of {@code csv} and {@code images} is set, by format.
 *
 * @param sha256 the content's SHA-256, lowercase hex
 */
public record DatasetResponse(
        String name,
        DatasetFormat format,
        long sizeBytes,
        String sha256,
        CsvProfile csv,
        ImageZipProfile images,
        Instant createdAt) {}
