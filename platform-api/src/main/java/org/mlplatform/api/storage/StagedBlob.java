package org.mlplatform.api.storage;

/**
 * Bytes written to a temporary place by {@link BlobStore#stage}, not yet permanent.
 *
 * @param sha256 lowercase hex SHA-256 of the bytes
 * @param size the number of bytes
 * @param location where the store keeps the staged bytes (a temporary file or object key)
 */
public record StagedBlob(String sha256, long size, String location) {}
