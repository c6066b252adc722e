package org.mlplatform.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.deployment.DeploymentAssignment;

/** The pool's batching and back-pressure, with a model that doubles its input and records. */
class ModelPoolTest {

    private final DoublingModel model = new DoublingModel();
    private ModelPool pool;

    @AfterEach
    void close() {
        model.gate.countDown();
        if (pool != null) {
            pool.drainAndClose(Duration.ofSeconds(5));
        }
    }

    @Test
    void shouldNeverRunMoreRowsThanMaxBatchSize() throws Exception {
        pool = pool(4, 1000, 64, 1);
        List<CompletableFuture<List<Tensor>>> answers = new ArrayList<>();
        answers.add(pool.submit(rows(1, 0)));
        model.awaitFirstRun();
        for (int i = 1; i <= 10; i++) {
            answers.add(pool.submit(rows(1, i)));
        }
        answers.add(pool.submit(rows(3, 100))); // does not fit with others beyond 4
        model.gate.countDown();

        for (int i = 0; i <= 10; i++) {
            float[] y = (float[]) answers.get(i).get(10, TimeUnit.SECONDS).get(0).data();
            assertThat(y).containsExactly(2f * i);
        }
        assertThat((float[]) answers.get(11).get(10, TimeUnit.SECONDS).get(0).data())
                .containsExactly(200f, 202f, 204f);
        assertThat(model.batchRows).allSatisfy(rows -> assertThat(rows).isBetween(1, 4));
        assertThat(model.batchRows).contains(4);
        assertThat(model.batchRows.stream().mapToInt(Integer::intValue).sum()).isEqualTo(14);
    }

    @Test
    void shouldJoinRequestsQueuedWhileAForwardPassRuns() throws Exception {
        pool = pool(8, 0, 64, 1);
        CompletableFuture<List<Tensor>> first = pool.submit(rows(1, 0));
        model.awaitFirstRun();
        List<CompletableFuture<List<Tensor>>> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waiting.add(pool.submit(rows(2, i)));
        }
        model.gate.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<List<Tensor>> answer : waiting) {
            assertThat(answer.get(10, TimeUnit.SECONDS).get(0).shape()).containsExactly(2, 1);
        }
        // 12 queued rows with maxBatchSize 8: a batch of 8 (4 requests), then one of 4.
        assertThat(model.batchRows).containsExactly(1, 8, 4);
    }

    @Test
    void shouldNotHoldALoneCallerBackForCompany() throws Exception {
        model.gate.countDown();
        pool = pool(8, 60_000, 64, 1);

        // Were they held for company, each would wait a minute; get() gives up after 10 s.
        List<Tensor> first = pool.submit(rows(1, 5)).get(10, TimeUnit.SECONDS);
        List<Tensor> second = pool.submit(rows(1, 6)).get(10, TimeUnit.SECONDS);

        assertThat((float[]) first.get(0).data()).containsExactly(10f);
        assertThat((float[]) second.get(0).data()).containsExactly(12f);
        assertThat(model.batchRows).containsExactly(1, 1);
    }

    @Test
    void shouldWaitForMoreRequestsOnceCallersOverlap() throws Exception {
        pool = pool(2, 60_000, 64, 1);
        overlappingCallers();

        CompletableFuture<List<Tensor>> third = pool.submit(rows(1, 3));
        Thread.sleep(200);
        assertThat(third).as("waits for company after a batch of two").isNotDone();
        CompletableFuture<List<Tensor>> fourth = pool.submit(rows(1, 4));

        assertThat((float[]) third.get(10, TimeUnit.SECONDS).get(0).data()).containsExactly(6f);
        assertThat((float[]) fourth.get(10, TimeUnit.SECONDS).get(0).data()).containsExactly(8f);
        assertThat(model.batchRows).containsExactly(1, 2, 2);
    }

    @Test
    void shouldWaitAtMostMaxBatchDelayThenStopWaiting() throws Exception {
        pool = pool(8, 300, 64, 1);
        overlappingCallers();
        long start = System.nanoTime();

        List<Tensor> alone = pool.submit(rows(1, 5)).get(10, TimeUnit.SECONDS);

        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat((float[]) alone.get(0).data()).containsExactly(10f);
        // Callers overlapped, so it waited the delay for company, then ran alone...
        assertThat(waitedMillis).isGreaterThanOrEqualTo(290);
        // ... which turned the wait off for the next lone caller.
        List<Tensor> next = pool.submit(rows(1, 6)).get(10, TimeUnit.SECONDS);
        assertThat((float[]) next.get(0).data()).containsExactly(12f);
        assertThat(model.batchRows).containsExactly(1, 2, 1, 1);
    }

    @Test
    void shouldApplyChangedBatchingToTheBatchBeingFilled() throws Exception {
        pool = pool(8, 60_000, 64, 1);
        overlappingCallers();
        CompletableFuture<List<Tensor>> waiting = pool.submit(rows(1, 3));
        Thread.sleep(200);
        assertThat(waiting).as("waits up to a minute for company").isNotDone();

        pool.reconfigure(assignment(pool.assignment().id(), 2, 0));

        assertThat((float[]) waiting.get(10, TimeUnit.SECONDS).get(0).data()).containsExactly(6f);
        assertThat(pool.assignment().maxBatchSize()).isEqualTo(2);
        List<CompletableFuture<List<Tensor>>> next = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            next.add(pool.submit(rows(1, 10 + i)));
        }
        CompletableFuture.allOf(next.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(model.batchRows.subList(3, model.batchRows.size()))
                .allSatisfy(rows -> assertThat(rows).isBetween(1, 2))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    /** A forward pass held while two requests queue: batches of one, then of both. */
    private void overlappingCallers() throws Exception {
        CompletableFuture<List<Tensor>> first = pool.submit(rows(1, 0));
        model.awaitFirstRun();
        CompletableFuture<List<Tensor>> second = pool.submit(rows(1, 1));
        CompletableFuture<List<Tensor>> third = pool.submit(rows(1, 2));
        model.gate.countDown();
        CompletableFuture.allOf(first, second, third).get(10, TimeUnit.SECONDS);
        assertThat(model.batchRows).containsExactly(1, 2);
    }

    @Test
    void shouldFailFastWith503WhenTheQueueIsFull() throws Exception {
        pool = pool(1, 0, 2, 1);
        pool.submit(rows(1, 0));
        model.awaitFirstRun();
        CompletableFuture<List<Tensor>> queued1 = pool.submit(rows(1, 1));
        CompletableFuture<List<Tensor>> queued2 = pool.submit(rows(1, 2));

        CompletableFuture<List<Tensor>> rejected = pool.submit(rows(1, 3));

        assertThat(rejected).isCompletedExceptionally();
        assertThatThrownBy(rejected::get)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        InferenceException.class, e -> assertThat(e.status()).isEqualTo(503));
        model.gate.countDown();
        assertThat((float[]) queued2.get(10, TimeUnit.SECONDS).get(0).data()).containsExactly(4f);
        assertThat(queued1).isCompleted();
    }

    @Test
    void shouldFailOnlyTheBadRequestOfABatch() throws Exception {
        pool = pool(8, 0, 64, 1);
        pool.submit(rows(1, 0));
        model.awaitFirstRun();
        CompletableFuture<List<Tensor>> good = pool.submit(rows(1, 1));
        CompletableFuture<List<Tensor>> bad = pool.submit(rows(1, DoublingModel.POISON));
        model.gate.countDown();

        assertThat((float[]) good.get(10, TimeUnit.SECONDS).get(0).data()).containsExactly(2f);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        InferenceException.class, e -> assertThat(e.status()).isEqualTo(500));
    }

    @Test
    void shouldFinishQueuedRequestsBeforeUnloading() throws Exception {
        pool = pool(1, 0, 64, 1);
        pool.submit(rows(1, 0));
        model.awaitFirstRun();
        CompletableFuture<List<Tensor>> queued = pool.submit(rows(1, 7));
        model.gate.countDown();

        pool.drainAndClose(Duration.ofSeconds(10));

        assertThat((float[]) queued.get(0, TimeUnit.SECONDS).get(0).data()).containsExactly(14f);
        assertThat(pool.state()).isEqualTo(ModelState.STOPPED);
        assertThat(model.closed).isTrue();
        assertThat(pool.submit(rows(1, 1))).isCompletedExceptionally();
        pool = null;
    }

    private ModelPool pool(int maxBatch, int delayMs, int queueSize, int threads) {
        DeploymentAssignment assignment = assignment(UUID.randomUUID(), maxBatch, delayMs);
        InferenceMetrics.Meters meters =
                new InferenceMetrics(new SimpleMeterRegistry())
                        .forDeployment(assignment.id(), "t", "m");
        return new ModelPool(assignment, model, meters, queueSize, threads);
    }

    private static DeploymentAssignment assignment(UUID id, int maxBatch, int delayMs) {
        return new DeploymentAssignment(
                id, "t", "m", 1, null, null, null, false, maxBatch, delayMs);
    }

    /** {@code n} rows [n, 1] of FP32 values {@code start, start + 1, ...}. */
    static List<Tensor> rows(int n, float start) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = start + i;
        }
        return List.of(new Tensor("x", "FP32", new long[] {n, 1}, x));
    }
}
