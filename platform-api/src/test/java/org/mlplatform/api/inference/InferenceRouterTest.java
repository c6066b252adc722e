package org.mlplatform.api.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.deployment.Deployments;
import org.mlplatform.api.deployment.Rendezvous;
import org.mlplatform.api.deployment.ServedDeployment;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.inference.CallFrames;
import org.mlplatform.contract.model.ModelFormat;

@QuarkusTest
class InferenceRouterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String REQUEST = "{\"inputs\":[{\"name\":\"x\",\"shape\":[3,1]}]}";

    @Inject InferenceRouter router;
    @Inject InferenceWorkers workers;
    @Inject Vertx vertx;

    @BeforeEach
    void startWithNoLiveInferenceWorker() {
        Deployments.retireInferenceWorkers();
        workers.refresh();
    }

    /** Other tests must not route to the fake workers this class registered. */
    @AfterEach
    void leaveNoLiveInferenceWorker() {
        Deployments.retireInferenceWorkers();
    }

    @Test
    void shouldForwardBodyAndTokenAndPassTheAnswerBack() throws Exception {
        try (FakeWorker worker = new FakeWorker(200, "{\"model_name\":\"m\"}", 3, null)) {
            String token = "tok-" + UUID.randomUUID();
            Deployments.inferenceWorker(worker.url(), token);
            workers.refresh();
            ServedDeployment deployment = deployment(1);

            WorkerAnswer answer = infer(deployment);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().toString()).isEqualTo("{\"model_name\":\"m\"}");
            assertThat(answer.batchItems()).isEqualTo(3);
            assertThat(answer.retryAfter()).isNull();
            FakeWorker.Call call = worker.calls.get(0);
            assertThat(call.path()).isEqualTo("/v2/models/" + deployment.id() + "/infer");
            assertThat(call.authorization()).isEqualTo("Bearer " + token);
            assertThat(call.contentType()).isEqualTo("application/json");
            assertThat(call.body()).isEqualTo(REQUEST);
        }
    }

    @Test
    void shouldPassTheWorkersLoadSheddingThrough() throws Exception {
        try (FakeWorker worker = new FakeWorker(503, "{\"error\":\"queue full\"}", 0, "1")) {
            Deployments.inferenceWorker(worker.url());
            workers.refresh();

            WorkerAnswer answer = infer(deployment(1));

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.retryAfter()).isEqualTo("1");
            assertThat(answer.body().toString()).contains("queue full");
            assertThat(worker.calls).hasSize(1);
        }
    }

    @Test
    void shouldRetryOnTheNextWorkerWhenTheFirstRefusesTheConnection() throws Exception {
        try (FakeWorker alive = new FakeWorker(200, "{\"ok\":true}", 1, null)) {
            UUID dead = Deployments.inferenceWorker(FakeWorker.refusingUrl());
            UUID live = Deployments.inferenceWorker(alive.url());
            workers.refresh();
            ServedDeployment deployment = deploymentRankedFirstOn(dead, List.of(dead, live));

            WorkerAnswer first = infer(deployment);
            WorkerAnswer second = infer(deployment);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body().toString()).isEqualTo("{\"ok\":true}");
            assertThat(second.status()).isEqualTo(200);
            assertThat(alive.calls).hasSize(2);
            assertThat(workers.available())
                    .extracting(InferenceWorkers.LiveWorker::id)
                    .containsExactly(live);
        }
    }

    @Test
    void shouldSpreadCallsOverTheReplicas() throws Exception {
        try (FakeWorker a = new FakeWorker(200, "{}", 1, null);
                FakeWorker b = new FakeWorker(200, "{}", 1, null)) {
            Deployments.inferenceWorker(a.url());
            Deployments.inferenceWorker(b.url());
            workers.refresh();
            ServedDeployment deployment = deployment(2);

            for (int i = 0; i < 10; i++) {
                infer(deployment);
            }

            assertThat(a.calls).isNotEmpty();
            assertThat(b.calls).isNotEmpty();
            assertThat(a.calls.size() + b.calls.size()).isEqualTo(10);
        }
    }

    @Test
    void shouldKeepOneReplicaOnTheSameWorker() throws Exception {
        try (FakeWorker a = new FakeWorker(200, "{}", 1, null);
                FakeWorker b = new FakeWorker(200, "{}", 1, null)) {
            Deployments.inferenceWorker(a.url());
            Deployments.inferenceWorker(b.url());
            workers.refresh();
            ServedDeployment deployment = deployment(1);

            for (int i = 0; i < 6; i++) {
                infer(deployment);
            }

            assertThat(List.of(a.calls.size(), b.calls.size())).containsExactlyInAnyOrder(0, 6);
        }
    }

    @Test
    void shouldSendCallsThatArriveInOneEventLoopTurnAsOneExchangeEachWithItsOwnAnswer()
            throws Exception {
        try (FakeWorker worker = FakeWorker.echoing()) {
            Deployments.inferenceWorker(worker.url());
            workers.refresh();
            ServedDeployment deployment = deployment(1);
            List<String> bodies = bodies(20);

            List<WorkerAnswer> answers = inferInOneTurn(deployment, bodies);

            assertThat(answers)
                    .extracting(a -> a.status() + " " + a.body())
                    .containsExactlyElementsOf(bodies.stream().map(b -> "200 " + b).toList());
            assertThat(answers).allSatisfy(a -> assertThat(a.batchItems()).isEqualTo(1));
            assertThat(worker.exchanges).hasValue(1);
            assertThat(worker.calls)
                    .extracting(FakeWorker.Call::path, FakeWorker.Call::contentType)
                    .containsOnly(
                            tuple(
                                    "/v2/models/" + deployment.id() + "/calls",
                                    CallFrames.MEDIA_TYPE));
        }
    }

    @Test
    void shouldSplitMoreCallsThanOneExchangeHoldsAndSendALoneCallPlain() throws Exception {
        try (FakeWorker worker = FakeWorker.echoing()) {
            Deployments.inferenceWorker(worker.url());
            workers.refresh();
            List<String> bodies = bodies(CallFrames.MAX_CALLS + 1);

            List<WorkerAnswer> answers = inferInOneTurn(deployment(1), bodies);

            assertThat(answers)
                    .extracting(a -> a.body().toString())
                    .containsExactlyElementsOf(bodies);
            assertThat(worker.exchanges).hasValue(2);
            assertThat(worker.calls)
                    .extracting(FakeWorker.Call::contentType)
                    .containsOnly(CallFrames.MEDIA_TYPE, "application/json")
                    .filteredOn("application/json"::equals)
                    .hasSize(1);
        }
    }

    @Test
    void shouldGiveEveryCoalescedCallTheAnswerTheWorkerGaveTheWholeExchange() throws Exception {
        try (FakeWorker worker =
                new FakeWorker(401, "{\"error\":\"The inference token is not valid\"}", 0, null)) {
            Deployments.inferenceWorker(worker.url());
            workers.refresh();

            List<WorkerAnswer> answers = inferInOneTurn(deployment(1), bodies(5));

            assertThat(answers)
                    .hasSize(5)
                    .allSatisfy(
                            a -> {
                                assertThat(a.status()).isEqualTo(401);
                                assertThat(a.body().toString()).contains("not valid");
                            });
            assertThat(worker.exchanges).hasValue(1);
        }
    }

    @Test
    void shouldRetryEveryCoalescedCallOnTheNextWorkerWhenTheFirstRefusesTheConnection()
            throws Exception {
        try (FakeWorker alive = FakeWorker.echoing()) {
            UUID dead = Deployments.inferenceWorker(FakeWorker.refusingUrl());
            UUID live = Deployments.inferenceWorker(alive.url());
            workers.refresh();
            ServedDeployment deployment = deploymentRankedFirstOn(dead, List.of(dead, live));
            List<String> bodies = bodies(10);

            List<WorkerAnswer> answers = inferInOneTurn(deployment, bodies);

            assertThat(answers)
                    .extracting(a -> a.status() + " " + a.body())
                    .containsExactlyElementsOf(bodies.stream().map(b -> "200 " + b).toList());
            assertThat(alive.calls).hasSize(10);
            assertThat(alive.exchanges).hasValue(1);
        }
    }

    @Test
    void shouldFailWithNoWorkerWhenNoneIsLive() {
        assertThatThrownBy(() -> infer(deployment(1)))
                .isInstanceOf(InferenceRouter.NoWorkerException.class);
    }

    @Test
    void shouldFailWithNoWorkerWhenEveryWorkerRefuses() throws Exception {
        Deployments.inferenceWorker(FakeWorker.refusingUrl());
        Deployments.inferenceWorker(FakeWorker.refusingUrl());
        workers.refresh();

        assertThatThrownBy(() -> infer(deployment(1)))
                .isInstanceOf(InferenceRouter.NoWorkerException.class);
    }

    private WorkerAnswer infer(ServedDeployment deployment) {
        try {
            return router.infer(deployment, Buffer.buffer(REQUEST))
                    .toCompletableFuture()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> bodies(int n) {
        return IntStream.range(0, n).mapToObj(i -> "{\"id\":\"" + i + "\",\"inputs\":[]}").toList();
    }

    /** Infers every body from one task on one event loop, as the gateway does for a busy turn. */
    private List<WorkerAnswer> inferInOneTurn(ServedDeployment deployment, List<String> bodies) {
        List<CompletableFuture<WorkerAnswer>> answers =
                bodies.stream().map(b -> new CompletableFuture<WorkerAnswer>()).toList();
        vertx.getOrCreateContext()
                .runOnContext(
                        turn -> {
                            for (int i = 0; i < bodies.size(); i++) {
                                CompletableFuture<WorkerAnswer> answer = answers.get(i);
                                router.infer(deployment, Buffer.buffer(bodies.get(i)))
                                        .whenComplete(
                                                (a, failure) -> {
                                                    if (failure == null) {
                                                        answer.complete(a);
                                                    } else {
                                                        answer.completeExceptionally(failure);
                                                    }
                                                });
                            }
                        });
        return answers.stream()
                .map(a -> a.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join())
                .toList();
    }

    private static ServedDeployment deployment(int replicas) {
        return new ServedDeployment(
                UUID.randomUUID(),
                1L,
                "m",
                1,
                ModelFormat.ONNX,
                DeploymentStatus.READY,
                Deployments.SIGNATURE,
                replicas);
    }

    /** A deployment whose rendezvous ranking puts {@code first} on top. */
    private static ServedDeployment deploymentRankedFirstOn(UUID first, List<UUID> workers) {
        while (true) {
            ServedDeployment d = deployment(1);
            if (Rendezvous.rank(d.id(), workers, id -> id).get(0).equals(first)) {
                return d;
            }
        }
    }
}
