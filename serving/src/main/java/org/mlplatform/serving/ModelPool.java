package org.mlplatform.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.serving.artifact.FailureReasons;

/**
 * One loaded model's workers, as in DJL Serving's workload manager: a bounded queue, {@link
 * #submit} that fails fast when it is full, and {@code threads} serving threads, each with its own
 * predictor, that aggregate queued requests into batches of at most {@code maxBatchSize} rows,
 * waiting at most {@code maxBatchDelayMs} for more, and run one forward pass per batch.
 */
final class ModelPool {

    private static final Logger LOG = Logger.getLogger(ModelPool.class);

    private volatile DeploymentAssignment assignment;
    private final ServableModel model;
    private final InferenceMetrics.Meters meters;
    private final BatchAggregator aggregator;
    private final List<Thread> threads = new ArrayList<>();
    private volatile ModelState state = ModelState.READY;
    private volatile long lastUsedNanos = System.nanoTime();

    ModelPool(
            DeploymentAssignment assignment,
            ServableModel model,
            InferenceMetrics.Meters meters,
            int queueSize,
            int threadCount) {
        this.assignment = assignment;
        this.model = model;
        this.meters = meters;
        this.aggregator =
                new BatchAggregator(
                        queueSize, maxBatchSize(assignment), maxBatchDelayNanos(assignment));
        for (int i = 0; i < Math.max(1, threadCount); i++) {
            Thread thread = new Thread(this::serve, "infer-" + shortId() + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    DeploymentAssignment assignment() {
        return assignment;
    }

    /**
     * Takes the deployment's changed settings: batching applies from the batch being filled on; the
     * loaded model stays.
     */
    void reconfigure(DeploymentAssignment changed) {
        assignment = changed;
        aggregator.configure(maxBatchSize(changed), maxBatchDelayNanos(changed));
    }

    private static int maxBatchSize(DeploymentAssignment a) {
        return Math.max(1, a.maxBatchSize());
    }

    private static long maxBatchDelayNanos(DeploymentAssignment a) {
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, a.maxBatchDelayMs()));
    }

    ServableModel model() {
        return model;
    }

    InferenceMetrics.Meters meters() {
        return meters;
    }

    ModelState state() {
        return state;
    }

    /** Requests waiting for a serving thread. */
    int queued() {
        return aggregator.queued();
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /**
     * Queues bound inputs; the future completes with the outputs, or fails with a 503 {@link
     * InferenceException} at once when the queue is full or the model is unloading.
     */
    CompletableFuture<List<Tensor>> submit(List<Tensor> bound) {
        lastUsedNanos = System.nanoTime();
        if (state != ModelState.READY) {
            return CompletableFuture.failedFuture(
                    InferenceException.unavailable("The model is being unloaded; try again"));
        }
        BatchAggregator.Job job = new BatchAggregator.Job(bound);
        if (!aggregator.offer(job)) {
            return CompletableFuture.failedFuture(
                    InferenceException.unavailable(
                            "The model's queue is full (%d requests); try again"
                                    .formatted(aggregator.queued())));
        }
        return job.future();
    }

    private void serve() {
        try (ServableModel.Session session = model.newSession()) {
            while (state == ModelState.READY || aggregator.queued() > 0) {
                List<BatchAggregator.Job> batch = aggregator.next(Duration.ofMillis(100));
                if (!batch.isEmpty()) {
                    run(session, batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Serving thread of deployment %s stopped", assignment.id());
        }
    }

    private void run(ServableModel.Session session, List<BatchAggregator.Job> batch) {
        long now = System.nanoTime();
        int rows = 0;
        List<List<Tensor>> inputs = new ArrayList<>(batch.size());
        for (BatchAggregator.Job job : batch) {
            meters.queued(now - job.enqueuedNanos());
            rows += job.rows();
            inputs.add(job.inputs());
        }
        try {
            List<Tensor> outputs = session.run(Tensors.concat(inputs));
            meters.batch(rows);
            int from = 0;
            for (BatchAggregator.Job job : batch) {
                job.future().complete(Tensors.slice(outputs, rows, from, job.rows()));
                from += job.rows();
            }
        } catch (Exception | LinkageError e) {
            if (batch.size() > 1) {
                // One bad request (or outputs not batched along dim 0) must not fail the others.
                for (BatchAggregator.Job job : batch) {
                    run(session, List.of(job));
                }
                return;
            }
            batch.get(0).future().completeExceptionally(failure(e));
        }
    }

    private InferenceException failure(Throwable e) {
        if (e instanceof InferenceException ie) {
            return ie;
        }
        if (e instanceof IllegalArgumentException) {
            return InferenceException.badInput(FailureReasons.message(e));
        }
        LOG.warnf("Inference of deployment %s failed: %s", assignment.id(), e);
        return new InferenceException(500, "Inference failed: " + FailureReasons.message(e));
    }

    /**
     * Stops taking requests, lets the serving threads finish what is queued (at most {@code
     * timeout}), then closes the model.
     */
    void drainAndClose(Duration timeout) {
        state = ModelState.DRAINING;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.forEach(Thread::interrupt);
        for (BatchAggregator.Job job : aggregator.drain()) {
            job.future()
                    .completeExceptionally(
                            InferenceException.unavailable("The model was unloaded; try again"));
        }
        model.close();
        meters.remove();
        state = ModelState.STOPPED;
    }

    private String shortId() {
        return assignment.id().toString().substring(0, 8);
    }
}
