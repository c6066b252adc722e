package org.mlplatform.contract.job;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The worker could not run the job.
 *
 * @param retryable true for trouble of the worker's own (out of memory, I/O): the job is queued
 *     again while attempts remain; false when another attempt cannot succeed
 */
public record FailJobRequest(
        @NotNull UUID leaseToken, @NotBlank @Size(max = 4000) String error, boolean retryable) {}
