package org.mlplatform.contract.usage;

import java.time.Instant;

/**
 * Inference calls in one interval.
 *
 * @param start the interval's start (UTC, aligned to the granularity)
 * @param requests every call that reached the gateway with a valid key
 * @param succeeded 2xx answers (the accepted calls)
 * @param clientErrors 4xx answers, rate limited ones included
 * @param rateLimited 429 answers
 * @param serverErrors 5xx answers
 * @param items batch items inferred (the first dimension of the inputs) in succeeded calls
 * @param meanLatencyMs mean gateway latency; null when there were no calls
 * @param maxLatencyMs the slowest call's gateway latency
 */
public record UsagePoint(
        Instant start,
        long requests,
        long succeeded,
        long clientErrors,
        long rateLimited,
        long serverErrors,
        long items,
        Double meanLatencyMs,
        Double maxLatencyMs) {}
