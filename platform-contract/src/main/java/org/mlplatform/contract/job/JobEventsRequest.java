package org.mlplatform.contract.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** A batch of events from the worker holding the lease. */
public record JobEventsRequest(
        @NotNull UUID leaseToken, @NotEmpty @Size(max = 200) List<@Valid NewJobEvent> events) {}
