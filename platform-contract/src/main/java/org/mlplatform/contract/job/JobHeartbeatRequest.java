package org.mlplatform.contract.job;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Renews a job's lease. */
public record JobHeartbeatRequest(@NotNull UUID leaseToken) {}
