package org.mlplatform.contract.job;

/** A blob in the store, by content: fetch it from {@code /internal/v1/blobs/{sha256}}. */
public record BlobPointer(String sha256, long sizeBytes) {}
