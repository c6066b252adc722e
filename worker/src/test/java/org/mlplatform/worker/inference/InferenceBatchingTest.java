package org.mlplatform.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.inference.CallFrames;
import org.mlplatform.serving.DoublingModel;
import org.mlplatform.serving.InferenceToken;
import org.mlplatform.serving.ModelRegistry;
import org.mlplatform.worker.registration.FakePlatformApi;

/**
 * Dynamic batching and back-pressure over HTTP, with a model whose first forward pass waits until
 * the test has queued the requests it needs (so nothing depends on timing).
 */
@QuarkusTest
@WithTestResource(FakePlatformApi.class)
class InferenceBatchingTest {

    @Inject ModelRegistry registry;
    @Inject InferenceToken token;

    private final ObjectMapper json = new ObjectMapper();
    private final DoublingModel model = new DoublingModel();
    private DeploymentAssignment assignment;
    // The common pool has one thread on two cores: the calls need threads of their own.
    private final ExecutorService clients = Executors.newFixedThreadPool(16);

    @AfterEach
    void unload() {
        model.gate.countDown();
        FakePlatformApi.DEPLOYMENTS.remove(assignment.id());
        registry.unassign(assignment.id());
        clients.shutdownNow();
    }

    @Test
    void shouldBatchConcurrentRequestsUpToMaxBatchSize() throws Exception {
        serve(4, 0, 64);
        CompletableFuture<Response> first = call(0);
        model.awaitFirstRun();
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            calls.add(call(i));
        }
        awaitQueued(12);
        model.gate.countDown();

        assertThat(first.join().statusCode()).isEqualTo(200);
        for (int i = 0; i < calls.size(); i++) {
            Response response = calls.get(i).join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.header("Inference-Batch-Items")).isEqualTo("1");
            JsonNode y = json.readTree(response.asByteArray()).path("outputs").get(0);
            assertThat(y.path("data").get(0).asDouble()).isEqualTo(2.0 * (i + 1));
        }
        assertThat(model.batchRows).allSatisfy(rows -> assertThat(rows).isBetween(1, 4));
        assertThat(model.batchRows).containsSequence(1, 4, 4, 4);
        List<String> metrics =
                io.restassured.RestAssured.get("/q/metrics")
                        .asString()
                        .lines()
                        .filter(line -> line.contains(assignment.id().toString()))
                        .toList();
        assertThat(metrics)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith("platform_inference_requests_total{")
                                        .contains("status=\"2xx\"")
                                        .endsWith(" 13.0"))
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith("platform_inference_batch_size_max{")
                                        .endsWith(" 4.0"))
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith("platform_inference_queue_seconds_count{")
                                        .endsWith(" 13.0"))
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .startsWith("platform_inference_latency_seconds_bucket{"));
        // Measured above, per deployment; Quarkus's HTTP timer leaves the inference routes alone.
        assertThat(io.restassured.RestAssured.get("/q/metrics").asString().lines())
                .noneMatch(l -> l.startsWith("http_server_requests") && l.contains("uri=\"/v2/"));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenTheQueueIsFull() throws Exception {
        serve(1, 0, 2);
        CompletableFuture<Response> running = call(0);
        model.awaitFirstRun();
        CompletableFuture<Response> queued1 = call(1);
        CompletableFuture<Response> queued2 = call(2);
        awaitQueued(2);

        Response rejected = call(3).join();

        assertThat(rejected.statusCode()).isEqualTo(503);
        assertThat(rejected.header("Retry-After")).isEqualTo("1");
        assertThat(json.readTree(rejected.asByteArray()).path("error").asText())
                .startsWith("The model's queue is full");
        model.gate.countDown();
        assertThat(running.join().statusCode()).isEqualTo(200);
        assertThat(queued1.join().statusCode()).isEqualTo(200);
        assertThat(queued2.join().statusCode()).isEqualTo(200);
    }

    @Test
    @Timeout(30) // an answer held back until the whole exchange is done would block the read
    void shouldStreamEachCoalescedCallsAnswerAsSoonAsItIsDone() throws Exception {
        serve(1, 0, 64);
        List<byte[]> calls =
                List.of(
                        body(7).getBytes(StandardCharsets.UTF_8),
                        "{\"inputs\":".getBytes(StandardCharsets.UTF_8),
                        body(8).getBytes(StandardCharsets.UTF_8));
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        RestAssured.baseURI
                                                + ":"
                                                + RestAssured.port
                                                + "/v2/models/"
                                                + assignment.id()
                                                + "/calls"))
                        .header("Authorization", "Bearer " + token.value())
                        .header("Content-Type", CallFrames.MEDIA_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(CallFrames.requests(calls)))
                        .build();
        Map<Integer, CallFrames.Answer> answers = new ConcurrentHashMap<>();
        CallFrames.AnswerReader reader = new CallFrames.AnswerReader(answers::put);

        HttpClient client = HttpClient.newHttpClient();
        try (InputStream in =
                client.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
            model.awaitFirstRun(); // call 0 is in the forward pass, held there; call 2 waits
            while (answers.isEmpty()) {
                byte[] chunk = new byte[256];
                int n = in.read(chunk);
                assertThat(n).as("the response ended early").isPositive();
                reader.feed(Arrays.copyOf(chunk, n));
            }
            assertThat(answers).containsOnlyKeys(1);
            assertThat(answers.get(1).status()).isEqualTo(400);

            model.gate.countDown();
            reader.feed(in.readAllBytes());
        }

        assertThat(reader.atBoundary()).isTrue();
        assertThat(answers).containsOnlyKeys(0, 1, 2);
        assertThat(
                        json.readTree(answers.get(0).body())
                                .path("outputs")
                                .get(0)
                                .path("data")
                                .get(0)
                                .asDouble())
                .isEqualTo(14.0);
        assertThat(
                        json.readTree(answers.get(2).body())
                                .path("outputs")
                                .get(0)
                                .path("data")
                                .get(0)
                                .asDouble())
                .isEqualTo(16.0);
    }

    private void serve(int maxBatchSize, int maxBatchDelayMs, int queueSize) {
        assignment =
                new DeploymentAssignment(
                        UUID.randomUUID(),
                        "acme",
                        "doubler",
                        1,
                        null,
                        null,
                        null,
                        false,
                        maxBatchSize,
                        maxBatchDelayMs);
        // A deployment of the platform's, not assigned here: the runtime keeps it as it is.
        FakePlatformApi.DEPLOYMENTS.put(assignment.id(), assignment);
        // One serving thread: the batches then follow from the queue alone.
        registry.serve(assignment, model, queueSize, 1);
    }

    private CompletableFuture<Response> call(int x) {
        return CompletableFuture.supplyAsync(
                () -> Deployments.infer(token.value(), assignment.id(), body(x)), clients);
    }

    private static String body(int x) {
        return "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,1],\"datatype\":\"FP32\",\"data\":[%d]}]}"
                .formatted(x);
    }

    private void awaitQueued(int n) {
        FakePlatformApi.awaitUntil(
                () -> registry.queued(assignment.id()) == n,
                n + " queued requests",
                Deployments.DEADLINE);
    }
}
