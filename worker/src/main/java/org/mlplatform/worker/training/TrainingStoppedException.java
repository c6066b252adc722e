package org.mlplatform.worker.training;

/** The loop stopped between two batches because the platform asked it to. */
public class TrainingStoppedException extends Exception {

    /** Why training stopped. */
    public enum Reason {
        /** The job was cancelled: report it as cancelled. */
        CANCELLED,
        /** The lease went to another worker: drop everything, report nothing. */
        LEASE_LOST
    }

    private final Reason reason;

    public TrainingStoppedException(Reason reason, int epoch) {
        super("Training stopped (" + reason + ") during epoch " + epoch);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
