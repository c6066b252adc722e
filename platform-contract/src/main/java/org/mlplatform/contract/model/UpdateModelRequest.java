package org.mlplatform.contract.model;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A partial update of a model; a null field is left as it is.
 *
 * @param defaultVersion the version that answers unversioned inference calls; it must be deployed;
 *     0 clears it (then the highest deployed version answers)
 */
public record UpdateModelRequest(
        @Size(max = 2000) String description,
        ModelTask task,
        @PositiveOrZero Integer defaultVersion) {}
