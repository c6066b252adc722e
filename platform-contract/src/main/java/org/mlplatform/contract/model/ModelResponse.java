package org.mlplatform.contract.model;

import java.time.Instant;

/**
 * A model.
 *
 * @param latestVersion the highest version number; null before the first upload
 * @param versionCount how many versions exist
 */
public record ModelResponse(
        String name,
        String description,
        ModelTask task,
        Integer latestVersion,
        long versionCount,
        Instant createdAt,
        Instant updatedAt) {}
