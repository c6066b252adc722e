package org.mlplatform.contract.usage;

import java.time.Instant;
import java.util.List;

/**
 * Usage between {@code from} (inclusive) and {@code to} (exclusive). Counts are written by the
 * gateway in batches at least once a second: the last second may not show yet.
 *
 * @param groupBy null: one series named {@code all}
 */
public record UsageResponse(
        Instant from,
        Instant to,
        UsageGranularity granularity,
        UsageGroupBy groupBy,
        List<UsageSeries> series) {}
