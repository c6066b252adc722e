package org.mlplatform.contract.model;

import java.time.Instant;

/**
 * A model.
 *
 * @param latestVersion the highest version number; null before the first upload
 * @param versionCount how many versions exist
 * @param defaultVersion the version unversioned inference calls reach; null: the highest deployed
 */
public record ModelResponse(
        String name,
        String description,
        ModelTask task,
        Integer latestVersion,
        long versionCount,
        Integer defaultVersion,
        Instant createdAt,
        Instant updatedAt) {}
