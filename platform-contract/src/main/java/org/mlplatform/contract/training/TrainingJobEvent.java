package org.mlplatform.contract.training;

import java.time.Instant;
import org.mlplatform.contract.job.JobStatus;

/**
 * One event of a job, numbered 1, 2, ... per job in the order they happened.
 *
 * @param level INFO, WARN or ERROR for LOG events
 * @param attempt the attempt that produced the event
 * @param status the new status, for STATUS events
 * @param metrics the epoch's figures, for EPOCH and CHECKPOINT events
 */
public record TrainingJobEvent(
        long seq,
        Instant at,
        JobEventType type,
        int attempt,
        String level,
        String message,
        JobStatus status,
        EpochMetrics metrics) {}
