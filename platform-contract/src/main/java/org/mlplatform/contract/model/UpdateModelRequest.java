package org.mlplatform.contract.model;

import jakarta.validation.constraints.Size;

/** A partial update of a model; a null field is left as it is. */
public record UpdateModelRequest(@Size(max = 2000) String description, ModelTask task) {}
