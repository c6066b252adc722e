package org.mlplatform.contract.common;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}).
 *
 * @param type a URI that names the kind of problem; stable, clients may switch on it
 * @param title a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong this time, for a person to read
 * @param instance the request path the problem occurred on
 * @param errors the invalid fields, for validation problems; empty otherwise
 */
public record ProblemDetail(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid field of a request.
     *
     * @param field the field's path, such as {@code slug}
     * @param message why the value was refused
     */
    public record FieldError(String field, String message) {}
}
