package org.mlplatform.api.usage;

/** The counts of one usage bucket in memory, until the next flush. */
final class UsageCell {

    long requests;
    long rateLimited;
    long items;
    double latencySumMs;
    double latencyMaxMs;

    synchronized void add(boolean limited, long batchItems, double latencyMs) {
        requests++;
        rateLimited += limited ? 1 : 0;
        items += batchItems;
        latencySumMs += latencyMs;
        latencyMaxMs = Math.max(latencyMaxMs, latencyMs);
    }

    synchronized void merge(UsageCell other) {
        requests += other.requests;
        rateLimited += other.rateLimited;
        items += other.items;
        latencySumMs += other.latencySumMs;
        latencyMaxMs = Math.max(latencyMaxMs, other.latencyMaxMs);
    }

    synchronized long admitted() {
        return requests - rateLimited;
    }
}
