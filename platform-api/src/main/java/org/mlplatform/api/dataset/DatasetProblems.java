package org.mlplatform.api.dataset;

import java.util.List;
import org.mlplatform.api.common.ConflictException;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.contract.common.ProblemDetail.FieldError;

/** The problems only datasets answer with. */
final class DatasetProblems {

    private DatasetProblems() {}

    /** 400 {@code invalid-dataset}: the content is not what its format promises. */
    static final class InvalidDataset extends InvalidRequestException {
        InvalidDataset(DatasetFormatException cause) {
            super("invalid-dataset", "Invalid dataset", cause.getMessage());
        }
    }

    /** 400 {@code preview-unavailable}: only CSV datasets have a preview. */
    static final class PreviewUnavailable extends InvalidRequestException {
        PreviewUnavailable(String name) {
            super(
                    "preview-unavailable",
                    "Preview unavailable",
                    "Dataset '" + name + "' is an image zip; only CSV datasets have a preview.");
        }
    }

    /** 409 {@code dataset-in-use}: a queued or running job reads it. */
    static final class InUse extends ConflictException {
        InUse(String name) {
            super(
                    "dataset-in-use",
                    "Dataset in use",
                    "Dataset '"
                            + name
                            + "' is used by a queued or running job; wait for it or"
                            + " cancel it first.");
        }
    }

    static InvalidRequestException empty() {
        return new InvalidRequestException(
                "The dataset is empty.", List.of(new FieldError("body", "must not be empty")));
    }

    static InvalidRequestException badName() {
        return new InvalidRequestException(
                "The query parameter name is missing or invalid.",
                List.of(
                        new FieldError(
                                "name",
                                "must be 3-40 lowercase letters, digits or hyphens, starting with a"
                                        + " letter")));
    }

    static ConflictException duplicate(String name) {
        return new ConflictException("A dataset '" + name + "' exists already.");
    }
}
