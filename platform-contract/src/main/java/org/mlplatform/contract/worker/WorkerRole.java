package org.mlplatform.contract.worker;

/** What a worker does: claim queued jobs (validation, training), serve inference, or both. */
public enum WorkerRole {
    JOBS,
    INFERENCE
}
