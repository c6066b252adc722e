package org.mlplatform.api.common;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small cache for the gateway's hot path: answers from memory, and reads an entry again (with a
 * blocking loader, on a worker thread, once however many callers wait) when it is older than the
 * time to live. So what it answers is never more than {@code ttl} plus one load behind.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(CompletableFuture<V> value, long loadedAt) {}

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Function<K, V> loader;
    private final long ttlNanos;
    private final int maxEntries;
    private final AtomicLong loads = new AtomicLong();

    public TtlCache(Function<K, V> loader, Duration ttl, int maxEntries) {
        this.loader = loader;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /**
     * The entry, already complete when it is in memory and fresh (so what follows runs on the
     * calling thread, with no hand-off); else once it is read, on the worker thread that read it.
     * The stage is shared by every caller of the key: chain on it, never complete it.
     */
    public CompletionStage<V> get(K key) {
        return current(key);
    }

    /** Forgets the entry, so the next call reads it again. */
    public void invalidate(K key) {
        entries.remove(key);
    }

    /** How many times the loader ran: one database read each. */
    public long loads() {
        return loads.get();
    }

    private CompletableFuture<V> current(K key) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null
                && now - entry.loadedAt() <= ttlNanos
                && !entry.value().isCompletedExceptionally()) {
            return entry.value();
        }
        Entry<V> fresh = new Entry<>(new CompletableFuture<>(), now);
        boolean mine =
                entry == null
                        ? entries.putIfAbsent(key, fresh) == null
                        : entries.replace(key, entry, fresh);
        if (!mine) {
            Entry<V> winner = entries.get(key);
            return winner != null ? winner.value() : current(key);
        }
        if (entries.size() > maxEntries) {
            // Unknown key ids cannot fill memory: start over rather than track recency.
            entries.clear();
            entries.put(key, fresh);
        }
        loads.incrementAndGet();
        Infrastructure.getDefaultWorkerPool()
                .execute(
                        () -> {
                            try {
                                fresh.value().complete(loader.apply(key));
                            } catch (Throwable t) {
                                fresh.value().completeExceptionally(t);
                            }
                        });
        return fresh.value();
    }
}
