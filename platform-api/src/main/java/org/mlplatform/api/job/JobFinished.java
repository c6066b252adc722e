package org.mlplatform.api.job;

/**
 * Fired synchronously, in the finishing transaction, when a job reaches SUCCEEDED or FAILED (for
 * good), so the feature that queued it can update its own objects.
 *
 * @param job the finished job; its {@code status}, {@code result} and {@code error} are set
 * @param result the worker's typed result, such as a {@code ModelValidationResult}; null on failure
 */
public record JobFinished(Job job, Object result) {}
