package org.mlplatform.worker.training;

/**
 * Training could not go on. Not retryable when the job itself is at fault (bad data, a spec that
 * does not fit, a time limit): another attempt would fail the same way. Retryable for trouble of
 * the worker's own (I/O, memory).
 */
public class TrainingException extends Exception {

    private final boolean retryable;

    public TrainingException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** A problem with the job's data or spec, for the person who submitted it. */
    public static TrainingException badData(String message) {
        return new TrainingException(message, false, null);
    }

    /** Whether another attempt (perhaps on another worker) could succeed. */
    public boolean retryable() {
        return retryable;
    }
}
