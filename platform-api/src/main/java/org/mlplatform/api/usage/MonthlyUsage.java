package org.mlplatform.api.usage;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Admitted inference calls this calendar month (UTC) per tenant and per key: what every replica has
 * flushed (read from the database after each flush) plus what this replica holds in memory. Calls
 * other replicas have not flushed yet show within a second.
 */
@ApplicationScoped
class MonthlyUsage {

    private final DataSource dataSource;
    private final Map<Object, Long> flushed = new ConcurrentHashMap<>();
    private final Map<Object, LongAdder> pending = new ConcurrentHashMap<>();

    MonthlyUsage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts an admitted call, in memory. */
    void admitted(long tenantId, UUID keyId) {
        pending.computeIfAbsent(tenantId, k -> new LongAdder()).increment();
        if (keyId != null) {
            pending.computeIfAbsent(keyId, k -> new LongAdder()).increment();
        }
    }

    /** The tenant's ({@code Long}) or the key's ({@code UUID}) use, read once if not known yet. */
    CompletionStage<Long> used(Object owner) {
        Long base = flushed.get(owner);
        if (base != null) {
            return CompletableFuture.completedFuture(base + pendingOf(owner));
        }
        return CompletableFuture.supplyAsync(
                () -> usedNow(owner), Infrastructure.getDefaultWorkerPool());
    }

    /** The same, blocking; for the quota API. */
    long usedNow(Object owner) {
        Long base = flushed.get(owner);
        if (base == null) {
            base = read(owner);
            flushed.putIfAbsent(owner, base);
        }
        return flushed.get(owner) + pendingOf(owner);
    }

    /**
     * After a batch reached the database: re-read what is tracked, then drop the batch's counts.
     */
    void afterFlush(Map<UsageKey, UsageCell> batch) {
        Map<Object, Long> written = new java.util.HashMap<>();
        for (Map.Entry<UsageKey, UsageCell> e : batch.entrySet()) {
            long admitted = e.getValue().admitted();
            written.merge(e.getKey().tenantId(), admitted, Long::sum);
            if (e.getKey().apiKeyId() != null) {
                written.merge(e.getKey().apiKeyId(), admitted, Long::sum);
            }
        }
        for (Object owner : flushed.keySet()) {
            try {
                flushed.put(owner, read(owner));
            } catch (RuntimeException e) {
                flushed.remove(owner);
            }
        }
        written.forEach(
                (owner, count) -> pending.computeIfAbsent(owner, k -> new LongAdder()).add(-count));
    }

    private long pendingOf(Object owner) {
        LongAdder adder = pending.get(owner);
        return adder == null ? 0 : Math.max(0, adder.sum());
    }

    private long read(Object owner) {
        String column = owner instanceof UUID ? "api_key_id" : "tenant_id";
        String sql =
                "select coalesce(sum(requests - rate_limited), 0) from usage_buckets where "
                        + column
                        + " = ? and minute >= ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, owner);
            statement.setTimestamp(2, Timestamp.from(monthStart()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the monthly usage", e);
        }
    }

    /** The first instant of the current calendar month, UTC. */
    static java.time.Instant monthStart() {
        return LocalDate.now(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }
}
