package org.mlplatform.contract.training;

/** What a job event tells. */
public enum JobEventType {
    /** The job changed status (queued, started attempt n, succeeded, ...). */
    STATUS,
    /** A log line from the worker. */
    LOG,
    /** An epoch ended; {@code metrics} holds its figures. */
    EPOCH,
    /** A checkpoint was saved after {@code metrics.epoch}. */
    CHECKPOINT
}
