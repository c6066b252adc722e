package org.mlplatform.contract.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Finishes a job successfully.
 *
 * @param validation the result of a VALIDATE_MODEL job; null for other kinds
 * @param training the result of a TRAIN job; null for other kinds
 */
public record CompleteJobRequest(
        @NotNull UUID leaseToken,
        ModelValidationResult validation,
        @Valid TrainingResult training) {}
