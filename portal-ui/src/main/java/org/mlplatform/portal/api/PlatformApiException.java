package org.mlplatform.portal.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlplatform.contract.common.ProblemDetail;

/**
 * A call to platform-api that failed, with a message a person can read (the problem's detail or
 * title) and the refused fields of a validation problem, keyed by field name.
 */
public class PlatformApiException extends RuntimeException {

    private final int status;
    private final Map<String, String> fieldErrors;

    public PlatformApiException(int status, String message, Map<String, String> fieldErrors) {
        super(message);
        this.status = status;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public PlatformApiException(int status, String message) {
        this(status, message, Map.of());
    }

    /** Builds the exception from a problem document; the detail wins over the title. */
    public static PlatformApiException of(ProblemDetail problem, int status) {
        String message = firstNonBlank(problem.detail(), problem.title(), defaultMessage(status));
        List<ProblemDetail.FieldError> errors =
                problem.errors() == null ? List.of() : problem.errors();
        Map<String, String> fields =
                errors.stream()
                        .filter(e -> e.field() != null && e.message() != null)
                        .collect(
                                Collectors.toMap(
                                        e -> lastSegment(e.field()),
                                        ProblemDetail.FieldError::message,
                                        (a, b) -> a + "; " + b));
        return new PlatformApiException(status, message, fields);
    }

    /** A message for an answer that carried no problem document. */
    static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "The request was not accepted.";
            case 401 -> "Your sign-in has expired. Reload the page to sign in again.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "Not found.";
            case 409 -> "This conflicts with the current state. Reload and try again.";
            case 429 -> "Too many requests. Try again in a moment.";
            default -> "The platform could not complete the request (HTTP " + status + ").";
        };
    }

    /** The HTTP status, or 0 when platform-api could not be reached. */
    public int status() {
        return status;
    }

    /** Refused fields (such as {@code slug}) and why; empty unless the request was invalid. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** Validation paths look like {@code create.request.slug}; forms know only {@code slug}. */
    private static String lastSegment(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? field : field.substring(dot + 1);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
