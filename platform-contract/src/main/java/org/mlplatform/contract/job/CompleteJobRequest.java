package org.mlplatform.contract.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Finishes a job successfully.
 *
 * @param validation the result of a VALIDATE_MODEL job; null for other kinds
 * @param training the result of a TRAIN job; null for other kinds
 * @param next when set, the same call then claims the worker's next job (without waiting), so a
 *     busy worker needs one request per job instead of two
 */
public record CompleteJobRequest(
        @NotNull UUID leaseToken,
        ModelValidationResult validation,
        @Valid TrainingResult training,
        @Valid ClaimJobRequest next) {}
