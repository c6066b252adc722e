package org.mlplatform.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Forms batches from a model's queue for one serving thread: takes what is queued, up to {@code
 * maxBatchSize} rows, and only joins requests whose inputs can be concatenated along dim 0 (same
 * names, datatypes and row shapes); a request that does not fit is carried over to the next batch.
 *
 * <p>It waits up to {@code maxBatchDelay} after the first request for more only while callers
 * overlap: after a batch that held more than one request. A batch of one (a lone caller, or calls
 * spaced wider than a forward pass) turns the wait off until requests queue up together again, so a
 * caller alone is never held back for company that is not coming, and under load, where batches
 * fill, the delay does its work.
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

    private final BlockingQueue<Job> queue;
    private final int maxBatchSize;
    private final long maxDelayNanos;
    private Job carry;
    // Whether the last batch held more than one request: only then is waiting for more worth it.
    private boolean callersOverlap;

    BatchAggregator(BlockingQueue<Job> queue, int maxBatchSize, long maxDelayNanos) {
        this.queue = queue;
        this.maxBatchSize = maxBatchSize;
        this.maxDelayNanos = maxDelayNanos;
    }

    /** Whether a request taken from the queue waits for the next batch. */
    synchronized boolean hasCarry() {
        return carry != null;
    }

    /**
     * The next batch; empty when nothing came within {@code idleWait}. The serving threads of a
     * model take turns here, so one fills a batch while another runs a forward pass.
     */
    synchronized List<Job> next(Duration idleWait) throws InterruptedException {
        Job first = carry != null ? carry : queue.poll(idleWait.toNanos(), TimeUnit.NANOSECONDS);
        carry = null;
        if (first == null) {
            return List.of();
        }
        List<Job> batch = new ArrayList<>();
        batch.add(first);
        int rows = first.rows();
        long deadline = System.nanoTime() + (callersOverlap ? maxDelayNanos : 0);
        while (rows < maxBatchSize) {
            Job next = queue.poll();
            if (next == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                next = queue.poll(remaining, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
            }
            if (!next.key().equals(first.key()) || rows + next.rows() > maxBatchSize) {
                carry = next;
                break;
            }
            batch.add(next);
            rows += next.rows();
        }
        callersOverlap = batch.size() > 1;
        return batch;
    }
}
