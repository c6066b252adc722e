package org.mlplatform.api.common;

import java.util.List;
import org.mlplatform.contract.common.ProblemDetail.FieldError;

/** The request is well-formed but its values are refused: 400, with the fields at fault. */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String detail, List<FieldError> errors) {
        super(400, "validation", "Invalid request", detail, errors);
    }

    protected InvalidRequestException(String type, String title, String detail) {
        super(400, type, title, detail, List.of());
    }
}
