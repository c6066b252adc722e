package org.mlplatform.contract.worker;

/** Whether a worker has sent a heartbeat recently enough to be given work. */
public enum WorkerStatus {
    ONLINE,
    OFFLINE
}
