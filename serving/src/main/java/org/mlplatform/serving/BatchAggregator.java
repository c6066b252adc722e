package org.mlplatform.serving;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A model's bounded queue and the batches its serving threads take from it: what is queued, up to
 * {@code maxBatchSize} rows, joining only requests whose inputs can be concatenated along dim 0
 * (same names, datatypes and row shapes); a request that does not fit stays first in line for the
 * next batch.
 *
 * <p>It waits for more, up to {@code maxBatchDelay} after the first request of a batch arrived,
 * only while callers overlap: after a batch that held more than one request. A batch of one (a lone
 * caller, or calls spaced wider than a forward pass) turns the wait off until requests queue up
 * together again, so a caller alone is never held back for company that is not coming, and under
 * load, where batches fill, the delay does its work.
 *
 * <p>A serving thread is woken when the first request arrives and, while it waits for a batch to
 * fill, when {@code maxBatchSize} rows are queued, not on every request: each wake-up is a thread
 * switch, and waking on every request took about a tenth of the CPU of a loaded server.
 */
final class BatchAggregator {

    /** One queued request. */
    record Job(
            List<Tensor> inputs,
            String key,
            int rows,
            long enqueuedNanos,
            CompletableFuture<List<Tensor>> future) {

        Job(List<Tensor> inputs) {
            this(
                    inputs,
                    keyOf(inputs),
                    inputs.get(0).rows(),
                    System.nanoTime(),
                    new CompletableFuture<>());
        }

        private static String keyOf(List<Tensor> inputs) {
            StringBuilder key = new StringBuilder();
            for (Tensor t : inputs) {
                key.append(t.name())
                        .append(':')
                        .append(t.datatype())
                        .append(t.rowShape())
                        .append(';');
            }
            return key.toString();
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    // Something is queued: for a serving thread waiting for its first request.
    private final Condition arrived = lock.newCondition();
    // maxBatchSize rows are queued: for the serving thread waiting for its batch to fill.
    private final Condition filled = lock.newCondition();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    // The serving threads take turns: one fills a batch while another runs a forward pass.
    private final Object turn = new Object();
    private final int capacity;
    private int maxBatchSize;
    private long maxDelayNanos;
    private int queuedRows;
    // Whether the last batch held more than one request: only then is waiting for more worth it.
    private boolean callersOverlap;

    BatchAggregator(int capacity, int maxBatchSize, long maxDelayNanos) {
        this.capacity = Math.max(1, capacity);
        this.maxBatchSize = maxBatchSize;
        this.maxDelayNanos = maxDelayNanos;
    }

    /** New batching settings, which the batch being filled already obeys. */
    void configure(int newMaxBatchSize, long newMaxDelayNanos) {
        lock.lock();
        try {
            maxBatchSize = newMaxBatchSize;
            maxDelayNanos = newMaxDelayNanos;
            filled.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Queues the job; false when the queue is full. */
    boolean offer(Job job) {
        lock.lock();
        try {
            if (queue.size() >= capacity) {
                return false;
            }
            queue.addLast(job);
            queuedRows += job.rows();
            if (queue.size() == 1) {
                arrived.signal();
            }
            if (queuedRows >= maxBatchSize) {
                filled.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Requests waiting for a serving thread. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Empties the queue, returning what was in it. */
    List<Job> drain() {
        lock.lock();
        try {
            List<Job> jobs = new ArrayList<>(queue);
            queue.clear();
            queuedRows = 0;
            return jobs;
        } finally {
            lock.unlock();
        }
    }

    /** The next batch; empty when nothing came within {@code idleWait}. */
    List<Job> next(Duration idleWait) throws InterruptedException {
        synchronized (turn) {
            lock.lock();
            try {
                long idle = idleWait.toNanos();
                while (queue.isEmpty()) {
                    if (idle <= 0) {
                        return List.of();
                    }
                    idle = arrived.awaitNanos(idle);
                }
                if (callersOverlap) {
                    for (long remaining = remainingDelay();
                            queuedRows < maxBatchSize && remaining > 0;
                            remaining = remainingDelay()) {
                        filled.awaitNanos(remaining);
                    }
                }
                return queue.isEmpty() ? List.of() : take(); // drained while it waited
            } finally {
                lock.unlock();
            }
        }
    }

    /** How much longer the first queued request may wait for company; 0 when none is queued. */
    private long remainingDelay() {
        Job first = queue.peekFirst();
        return first == null ? 0 : first.enqueuedNanos() + maxDelayNanos - System.nanoTime();
    }

    /** Takes the first request and those behind it that fit with it. */
    private List<Job> take() {
        Job first = queue.pollFirst();
        List<Job> batch = new ArrayList<>();
        batch.add(first);
        int rows = first.rows();
        for (Job next = queue.peekFirst();
                next != null
                        && rows + next.rows() <= maxBatchSize
                        && next.key().equals(first.key());
                next = queue.peekFirst()) {
            batch.add(queue.pollFirst());
            rows += next.rows();
        }
        for (Job job : batch) {
            queuedRows -= job.rows();
        }
        callersOverlap = batch.size() > 1;
        return batch;
    }
}
