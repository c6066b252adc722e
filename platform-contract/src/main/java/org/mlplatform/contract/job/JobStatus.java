package org.mlplatform.contract.job;

/**
 * QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED; an expired lease puts RUNNING back to QUEUED.
 */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED
}
