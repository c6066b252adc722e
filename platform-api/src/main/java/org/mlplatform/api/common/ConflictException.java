package org.mlplatform.api.common;

import java.util.List;

/** The request clashes with the current state, such as a taken name: 409. */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(409, "conflict", "Conflict", detail, List.of());
    }
}
