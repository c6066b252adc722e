package org.mlplatform.contract.training;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Start from the weights of an existing trained version instead of random ones. It must have been
 * trained with the same architecture on the same features and classes.
 */
public record WarmStart(@NotBlank String model, @NotNull @Min(1) Integer version) {}
