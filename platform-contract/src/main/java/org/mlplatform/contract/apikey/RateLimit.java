package org.mlplatform.contract.apikey;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A token bucket: refilled at {@code requestsPerSecond}, holding at most {@code burst} requests.
 *
 * @param burst the bucket's size; default: {@code requestsPerSecond} rounded up, at least 1
 */
public record RateLimit(
        @NotNull @DecimalMin("0.01") @DecimalMax("100000") Double requestsPerSecond,
        @Min(1) @Max(1_000_000) Integer burst) {}
