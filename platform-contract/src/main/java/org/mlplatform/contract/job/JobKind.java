package org.mlplatform.contract.job;

/** What a job asks a worker to do. */
public enum JobKind {
    /** Train a model on a dataset and register the result as a new model version. */
    TRAIN,
    /** Load an uploaded model version with DJL and report its signature. */
    VALIDATE_MODEL,
    /** Does nothing; only the queue benchmark enqueues it, to measure claim and complete. */
    NOOP
}
