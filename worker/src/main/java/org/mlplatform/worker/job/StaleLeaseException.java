package org.mlplatform.worker.job;

/**
 * platform-api answered 409: the lease expired and another worker holds the job now, or the job is
 * finished. This worker must stop working on it and drop its result.
 */
class StaleLeaseException extends Exception {

    StaleLeaseException(String message) {
        super(message);
    }
}
