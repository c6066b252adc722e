package org.mlplatform.api.ratelimit;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * This replica's share of one shared token bucket: tokens leased from PostgreSQL a few at a time
 * and spent from memory. Only when they run out does a call wait for a lease (one at a time, on a
 * worker thread); unspent tokens are dropped after the lease's time to live.
 */
final class LeasedBucket {

    /** The outcome of one call; {@code remaining} is an estimate for the RateLimit header. */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}

    private final String name;
    private final TokenLeases leases;
    private final long ttlNanos;
    private final double fraction;
    private double rate;
    private int burst;
    private int local;
    private long localExpiresAt;
    private double sharedLeft;
    private CompletableFuture<TokenLeases.Lease> pending;

    LeasedBucket(String name, TokenLeases leases, long ttlNanos, double fraction) {
        this.name = name;
        this.leases = leases;
        this.ttlNanos = ttlNanos;
        this.fraction = fraction;
    }

    synchronized void configure(double rate, int burst) {
        this.rate = rate;
        this.burst = burst;
    }

    /** Complete at once while this replica holds leased tokens. */
    CompletionStage<Decision> acquire() {
        return acquire(3);
    }

    private CompletionStage<Decision> acquire(int attempts) {
        CompletableFuture<TokenLeases.Lease> lease;
        synchronized (this) {
            if (rate <= 0) {
                return CompletableFuture.completedFuture(new Decision(false, 0, 60));
            }
            if (local > 0 && System.nanoTime() < localExpiresAt) {
                local--;
                return CompletableFuture.completedFuture(new Decision(true, remaining(), 0));
            }
            if (pending == null) {
                pending = startLease();
            }
            lease = pending;
        }
        return lease.whenComplete(
                        (l, failure) -> {
                            if (failure != null) {
                                forget(lease);
                            }
                        })
                .thenCompose(l -> afterLease(lease, l, attempts));
    }

    private CompletionStage<Decision> afterLease(
            CompletableFuture<TokenLeases.Lease> done, TokenLeases.Lease lease, int attempts) {
        synchronized (this) {
            if (pending == done) {
                pending = null;
                local = lease.granted() + (System.nanoTime() < localExpiresAt ? local : 0);
                localExpiresAt = System.nanoTime() + ttlNanos;
                sharedLeft = lease.left();
            }
            if (local > 0) {
                local--;
                return CompletableFuture.completedFuture(new Decision(true, remaining(), 0));
            }
            if (sharedLeft < 1 || attempts <= 1) {
                long wait = (long) Math.ceil(Math.max(1 - sharedLeft, 0.001) / rate);
                return CompletableFuture.completedFuture(new Decision(false, 0, Math.max(1, wait)));
            }
        }
        // Other callers spent this lease, but the shared bucket has more: lease again.
        return acquire(attempts - 1);
    }

    private synchronized void forget(CompletableFuture<TokenLeases.Lease> failed) {
        if (pending == failed) {
            pending = null;
        }
    }

    private CompletableFuture<TokenLeases.Lease> startLease() {
        int want = (int) Math.max(1, Math.min(burst, Math.floor(rate * fraction)));
        double r = rate;
        int b = burst;
        return CompletableFuture.supplyAsync(
                () -> leases.lease(name, r, b, want), Infrastructure.getDefaultWorkerPool());
    }

    private long remaining() {
        return (long) Math.floor(local + sharedLeft);
    }

    synchronized double rate() {
        return rate;
    }

    synchronized int burst() {
        return burst;
    }
}
