package org.mlplatform.api.common;

import java.util.List;
import java.util.Map;
import org.mlplatform.contract.common.ProblemDetail.FieldError;

/**
 * A domain failure that the one exception mapper ({@link ProblemMapper}) turns into a problem
 * document. Subclasses fix the status and the problem type.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    protected ApiException(
            int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, Map.of());
    }

    /** A failure whose answer carries extra headers, such as {@code Retry-After}. */
    protected ApiException(
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type URI, such as {@code tenant-suspended}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Headers the answer carries besides the problem document. */
    public Map<String, String> headers() {
        return headers;
    }
}
