package org.mlplatform.contract.model;

/** A version is VALIDATING until a worker has loaded it; then READY, or FAILED with a reason. */
public enum ModelVersionStatus {
    VALIDATING,
    READY,
    FAILED
}
