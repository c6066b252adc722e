package org.mlplatform.serving;

/**
 * An inference call that cannot be answered with outputs: the HTTP status and the message of the
 * protocol's {@code {"error": ...}} body. The message is for the caller and never holds stack
 * traces or local paths.
 */
public class InferenceException extends RuntimeException {

    private final int status;

    public InferenceException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** 400: the request does not fit the model. */
    public static InferenceException badInput(String message) {
        return new InferenceException(400, message);
    }

    /** 404: no such deployment. */
    public static InferenceException notFound(String message) {
        return new InferenceException(404, message);
    }

    /** 503: the model's queue is full or it is being unloaded; try again shortly. */
    public static InferenceException unavailable(String message) {
        return new InferenceException(503, message);
    }

    public int status() {
        return status;
    }
}
