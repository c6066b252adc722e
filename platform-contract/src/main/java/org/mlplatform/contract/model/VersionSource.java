package org.mlplatform.contract.model;

/** Where a model version came from. */
public enum VersionSource {
    UPLOAD,
    TRAINING
}
