package org.mlplatform.api.usage;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jboss.logging.Logger;
import org.mlplatform.api.quota.InferenceMeter;

/**
 * Counts inference calls into per-minute buckets in memory and writes them in one batch of upserts
 * every {@code platform.usage.flush-interval} (≤ 1 s) and at shutdown. A crash loses at most the
 * calls of the last interval; a failed write is kept and tried again with the next batch.
 */
@ApplicationScoped
public class UsageMeter implements InferenceMeter {

    private static final Logger LOG = Logger.getLogger(UsageMeter.class);

    private final UsageWriter writer;
    private final MonthlyUsage monthly;
    private final ReadWriteLock swap = new ReentrantReadWriteLock();
    private final Map<Long, SecondCounter> seconds = new ConcurrentHashMap<>();
    private volatile Map<UsageKey, UsageCell> buckets = new ConcurrentHashMap<>();

    UsageMeter(UsageWriter writer, MonthlyUsage monthly) {
        this.writer = writer;
        this.monthly = monthly;
    }

    /**
     * Counts one call.
     *
     * @param apiKeyId null for a signed-in member's call
     * @param version null when no deployed version answered
     * @param limited refused by a rate limit or a quota (429): not counted against quotas
     * @param items batch items inferred (counted for 2xx answers only)
     */
    public void record(
            long tenantId,
            UUID apiKeyId,
            String model,
            Integer version,
            int status,
            boolean limited,
            long items,
            double latencyMs) {
        int statusClass = status >= 500 ? 5 : status >= 400 ? 4 : 2;
        UsageKey key =
                new UsageKey(
                        Instant.now().truncatedTo(ChronoUnit.MINUTES),
                        tenantId,
                        apiKeyId,
                        model,
                        version,
                        statusClass);
        swap.readLock().lock();
        try {
            buckets.computeIfAbsent(key, k -> new UsageCell())
                    .add(limited, statusClass == 2 ? items : 0, latencyMs);
            if (!limited) {
                monthly.admitted(tenantId, apiKeyId);
            }
        } finally {
            swap.readLock().unlock();
        }
        seconds.computeIfAbsent(tenantId, t -> new SecondCounter()).count();
    }

    /** Admitted calls this month of the tenant ({@code Long}) or key ({@code UUID}). */
    public CompletionStage<Long> monthUsed(Object owner) {
        return monthly.used(owner);
    }

    @Override
    public long tenantMonth(long tenantId) {
        return monthly.usedNow(tenantId);
    }

    @Override
    public long lastSecond(long tenantId) {
        SecondCounter counter = seconds.get(tenantId);
        return counter == null ? 0 : counter.lastFullSecond();
    }

    @Scheduled(
            every = "${platform.usage.flush-interval:1s}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledFlush() {
        flush();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        flush();
    }

    /** Writes what is counted so far; returns once it is in the database (or kept for later). */
    public synchronized void flush() {
        Map<UsageKey, UsageCell> batch;
        swap.writeLock().lock();
        try {
            batch = buckets;
            if (batch.isEmpty()) {
                return;
            }
            buckets = new ConcurrentHashMap<>();
        } finally {
            swap.writeLock().unlock();
        }
        try {
            writer.write(batch);
        } catch (Exception e) {
            LOG.warnf("Usage not written (%s); kept for the next flush", e.toString());
            swap.readLock().lock();
            try {
                batch.forEach((k, v) -> buckets.computeIfAbsent(k, x -> new UsageCell()).merge(v));
            } finally {
                swap.readLock().unlock();
            }
            return;
        }
        monthly.afterFlush(batch);
    }

    /** Calls of one tenant in the current and the previous second. */
    private static final class SecondCounter {
        private long second;
        private long count;
        private long previous;

        synchronized void count() {
            long now = System.currentTimeMillis() / 1000;
            roll(now);
            count++;
        }

        synchronized long lastFullSecond() {
            long now = System.currentTimeMillis() / 1000;
            roll(now);
            return previous;
        }

        private void roll(long now) {
            if (now != second) {
                previous = now == second + 1 ? count : 0;
                second = now;
                count = 0;
            }
        }
    }
}
