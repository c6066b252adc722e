package org.mlplatform.api.common;

import java.util.List;

/** The request clashes with the current state, such as a taken name: 409. */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        this("conflict", "Conflict", detail);
    }

    protected ConflictException(String type, String title, String detail) {
        super(409, type, title, detail, List.of());
    }
}
