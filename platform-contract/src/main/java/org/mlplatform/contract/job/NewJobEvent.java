package org.mlplatform.contract.job;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.JobEventType;

/** An event a worker reports; platform-api numbers it and stamps the time and attempt. */
public record NewJobEvent(
        @NotNull JobEventType type,
        @Size(max = 10) String level,
        @Size(max = 4000) String message,
        EpochMetrics metrics) {}
