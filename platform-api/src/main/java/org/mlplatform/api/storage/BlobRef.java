package org.mlplatform.api.storage;

/** A committed reference to a permanent blob. */
public record BlobRef(String sha256, long size) {}
