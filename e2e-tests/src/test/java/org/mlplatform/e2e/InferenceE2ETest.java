package org.mlplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.mlplatform.e2e.Platform.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hosted inference on the packaged platform: train or upload, deploy, call with an API key; rate
 * limits, usage, and a killed inference worker (revocation: {@link GatewayReplicasE2ETest}).
 */
@Tag("e2e")
@Order(5)
class InferenceE2ETest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @SuppressWarnings("unchecked")
    void shouldServeATrainedModelWithAnApiKey() {
        String dataset = TrainingE2ETest.uploadCsv(Platform.unique("served-blobs"), 600);
        String model = Platform.unique("served");
        String job = TrainingE2ETest.submit(dataset, model, 5, 32);
        int version =
                TrainingE2ETest.awaitStatus(job, "SUCCEEDED", Duration.ofMinutes(3))
                        .getInt("resultVersion");
        awaitReady(deploy(model, version, 1));
        String key =
                createKey(
                        Map.of(
                                "name",
                                "e2e",
                                "scopes",
                                List.of("inference:invoke", "models:read")));

        JsonPath metadata =
                v2(key).get("/v2/models/" + model).then().statusCode(200).extract().jsonPath();
        assertThat(metadata.getList("inputs.name")).containsExactly("x1", "x2", "x3", "colour");
        assertThat(metadata.getList("outputs.name")).containsExactly("label", "probabilities");
        assertThat(metadata.getList("versions")).contains(Integer.toString(version));

        // The centres of the three classes (see TrainingE2ETest.uploadCsv).
        JsonPath answer =
                v2(key).body(
                                Map.of(
                                        "id",
                                        "e2e-1",
                                        "inputs",
                                        List.of(
                                                tensor("x1", "FP32", List.of(0.0, 2.0, 4.0)),
                                                tensor("x2", "FP32", List.of(0.0, 3.0, 0.0)),
                                                tensor("x3", "FP32", List.of(0.0, 0.0, 0.0)),
                                                tensor(
                                                        "colour",
                                                        "BYTES",
                                                        List.of("round", "square", "round")))))
                        .post("/v2/models/" + model + "/infer")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(answer.getString("id")).isEqualTo("e2e-1");
        assertThat(answer.getString("model_name")).isEqualTo(model);
        Map<String, Object> label = output(answer, "label");
        assertThat((List<Object>) label.get("data")).containsExactly("red", "green", "blue");
        Map<String, Object> probabilities = output(answer, "probabilities");
        assertThat((List<Object>) probabilities.get("shape")).containsExactly(3, 3);
    }

    @Test
    void shouldServeAnUploadedOnnxModelAsDjlComputesIt() throws IOException {
        String model = RegistryE2ETest.createModel("acme", "alice");
        byte[] onnx = Files.readAllBytes(RegistryE2ETest.MODELS.resolve("tiny-mlp.onnx"));
        as("alice")
                .contentType("application/octet-stream")
                .body(onnx)
                .post("/api/v1/tenants/acme/models/" + model + "/versions?format=onnx")
                .then()
                .statusCode(202);
        assertThat(RegistryE2ETest.awaitValidated("acme", "alice", model, 1).getString("status"))
                .isEqualTo("READY");
        awaitReady(deploy(model, 1, 1));
        String key = createKey(Map.of("name", "onnx", "scopes", List.of("inference:invoke")));
        JsonPath expected =
                JsonPath.from(RegistryE2ETest.MODELS.resolve("tiny-mlp-expected.json").toFile());

        JsonPath answer =
                v2(key).body(
                                Map.of(
                                        "inputs",
                                        List.of(
                                                Map.of(
                                                        "name",
                                                        "input",
                                                        "shape",
                                                        List.of(2, 4),
                                                        "datatype",
                                                        "FP32",
                                                        "data",
                                                        expected.getList("input")))))
                        .post("/v2/models/" + model + "/versions/1/infer")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        List<Float> logits = answer.getList("outputs[0].data", Float.class);
        List<Float> want = new ArrayList<>();
        for (List<Float> row : expected.<List<Float>>getList("logits")) {
            want.addAll(row);
        }
        assertThat(answer.getList("outputs[0].shape", Integer.class)).containsExactly(2, 3);
        for (int i = 0; i < want.size(); i++) {
            assertThat(logits.get(i)).isCloseTo(want.get(i), offset(1e-4f));
        }
    }

    @Test
    void shouldAnswerACallOfTwentyMebibytesThroughTheGateway() throws Exception {
        // Over Quarkus's default body limit (10 MiB), which the worker once kept while the
        // gateway forwarded calls up to its own limit (64 MiB).
        String model = onnxDeployment();
        String key = createKey(Map.of("name", "large", "scopes", List.of("inference:invoke")));
        String call =
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP32\","
                        + "\"data\":[0.5,-1.0,2.0,0.25]}]}";
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(Platform.API + "/v2/models/" + model + "/infer"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        call + " ".repeat(20 * 1024 * 1024)))
                        .build();

        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JsonPath.from(answer.body()).getList("outputs[0].shape", Integer.class))
                .containsExactly(1, 3);
    }

    @Test
    void shouldLimitAKeyTo5PerSecondAndCountEveryAcceptedCall() throws Exception {
        String model = onnxDeployment();
        String key =
                createKey(
                        Map.of(
                                "name", "limited",
                                "scopes", List.of("inference:invoke"),
                                "rateLimit", Map.of("requestsPerSecond", 5, "burst", 5)));
        Instant from = Instant.now().minusSeconds(60);

        long accepted = callAt50PerSecondLimitedTo5(key, model);

        Platform.await(
                "the usage API to count " + accepted + " accepted calls",
                Duration.ofSeconds(10),
                () -> {
                    JsonPath usage =
                            as("alice")
                                    .queryParam("from", from.toString())
                                    .queryParam("granularity", "minute")
                                    .queryParam("groupBy", "model")
                                    .get("/api/v1/tenants/acme/usage")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath();
                    List<Map<String, Object>> series = usage.getList("series");
                    return series.stream()
                            .filter(s -> model.equals(s.get("group")))
                            .map(s -> ((Map<?, ?>) s.get("total")).get("succeeded"))
                            .anyMatch(n -> ((Number) n).longValue() == accepted);
                });
    }

    @Test
    void shouldAnswerEveryCallWhenAnInferenceWorkerIsKilled() throws Exception {
        Process second = startSecondWorker();
        try {
            String model = RegistryE2ETest.onnxModel();
            String deployment = deploy(model, 1, 2);
            Platform.await(
                    "both replicas of " + deployment + " to be READY",
                    Duration.ofMinutes(2),
                    () ->
                            as("alice")
                                            .get("/api/v1/tenants/acme/deployments/" + deployment)
                                            .then()
                                            .extract()
                                            .jsonPath()
                                            .getList("replicaStatus.status")
                                            .stream()
                                            .filter("READY"::equals)
                                            .count()
                                    == 2);
            String key =
                    createKey(Map.of("name", "failover", "scopes", List.of("inference:invoke")));

            AtomicInteger failed = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            for (int c = 0; c < 4; c++) {
                clients.add(
                        CompletableFuture.runAsync(
                                () -> {
                                    while (System.nanoTime() < end) {
                                        try {
                                            if (infer(key, model).statusCode() != 200) {
                                                failed.incrementAndGet();
                                            }
                                        } catch (Exception e) {
                                            failed.incrementAndGet();
                                        }
                                        done.incrementAndGet();
                                    }
                                }));
            }
            Platform.await("some calls", Duration.ofSeconds(10), () -> done.get() > 50);
            second.destroyForcibly(); // kill -9
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();

            assertThat(done.get()).isGreaterThan(100);
            assertThat(failed.get()).as("calls that failed of " + done.get()).isZero();
        } finally {
            second.destroyForcibly();
        }
    }

    private static Process startSecondWorker() throws IOException {
        return Platform.startApp(
                "worker",
                "worker-2",
                8083,
                List.of(
                        "-Xmx768m",
                        "-Dai.djl.offline=true",
                        "-Dplatform.worker.name=e2e-worker-2",
                        "-Dplatform.worker.roles=INFERENCE",
                        "-Dplatform.worker.advertised-url=http://localhost:8083"),
                Map.of(
                        "DJL_CACHE_DIR", Platform.DATA.resolve("djl").toString(),
                        "ENGINE_CACHE_DIR", Platform.DATA.resolve("djl").toString(),
                        "WORKER_WORK_DIR", Platform.DATA.resolve("worker-2").toString()));
    }

    /**
     * Calls the model with a key limited to 5 calls/s (burst 5) 100 times at 50 calls/s, sent on
     * schedule without waiting for the answers; checks the answers are 200 or 429 with their
     * headers, and returns how many were accepted.
     */
    static long callAt50PerSecondLimitedTo5(String key, String model) throws Exception {
        // 50 calls/s for 2 s, sent on schedule without waiting for the answers.
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        long start = System.nanoTime();
        long lastSent = start;
        for (int i = 0; i < 100; i++) {
            long wait = start + i * 20_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            calls.add(
                    HTTP.sendAsync(inferRequest(key, model), HttpResponse.BodyHandlers.ofString()));
            lastSent = System.nanoTime();
        }
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();
        double sendingSeconds = (lastSent - start) / 1e9;
        long accepted = answers.stream().filter(a -> a.statusCode() == 200).count();
        HttpResponse<String> limited =
                answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertThat(answers).allMatch(a -> a.statusCode() == 200 || a.statusCode() == 429);
        // The 5 in the bucket plus the refill at 5/s while the calls were sent (about 2 s), and a
        // little slack for calls that reached the gateway after they were sent.
        assertThat(accepted).isBetween(5L, 5 + (long) Math.ceil(5 * (sendingSeconds + 0.5)));
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("RateLimit-Policy")).isPresent();
        assertThat(limited.headers().firstValue("RateLimit")).isPresent();
        assertThat(limited.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(answers.get(0).headers().firstValue("RateLimit")).isPresent();

        return accepted;
    }

    private static String onnxDeployment() throws IOException {
        return onnxDeployment("acme", "alice");
    }

    /** A new ONNX model (tiny-mlp.onnx) of the tenant, deployed and READY. */
    static String onnxDeployment(String tenant, String user) throws IOException {
        String model = RegistryE2ETest.onnxModel(tenant, user);
        awaitReady(tenant, user, deploy(tenant, user, model, 1, 1));
        return model;
    }

    private static HttpResponse<String> infer(String key, String model) throws Exception {
        return infer(Platform.API, key, model);
    }

    /** One call of an {@link #onnxDeployment} through the gateway at {@code api}. */
    static HttpResponse<String> infer(String api, String key, String model) throws Exception {
        return HTTP.send(inferRequest(api, key, model), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest inferRequest(String key, String model) {
        return inferRequest(Platform.API, key, model);
    }

    private static HttpRequest inferRequest(String api, String key, String model) {
        String body =
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP32\","
                        + "\"data\":[0.5,-1.0,2.0,0.25]}]}";
        return HttpRequest.newBuilder(URI.create(api + "/v2/models/" + model + "/infer"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String deploy(String model, int version, int replicas) {
        return deploy("acme", "alice", model, version, replicas);
    }

    private static String deploy(
            String tenant, String user, String model, int version, int replicas) {
        return as(user).body(Map.of("model", model, "version", version, "replicas", replicas))
                .post("/api/v1/tenants/" + tenant + "/deployments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void awaitReady(String deployment) {
        awaitReady("acme", "alice", deployment);
    }

    private static void awaitReady(String tenant, String user, String deployment) {
        Platform.await(
                "deployment " + deployment + " to be READY",
                Duration.ofMinutes(2),
                () -> {
                    String status =
                            as(user).get("/api/v1/tenants/" + tenant + "/deployments/" + deployment)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .path("status");
                    if ("FAILED".equals(status)) {
                        throw new AssertionError("deployment " + deployment + " FAILED");
                    }
                    return "READY".equals(status);
                });
    }

    private static String createKey(Map<String, Object> request) {
        return createdKey(request).path("secret");
    }

    private static Response createdKey(Map<String, Object> request) {
        return createdKey("acme", "alice", request);
    }

    /** An API key of the tenant, created by the user: the 201 answer, with the secret. */
    static Response createdKey(String tenant, String user, Map<String, Object> request) {
        return as(user).body(request)
                .post("/api/v1/tenants/" + tenant + "/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .response();
    }

    private static RequestSpecification v2(String key) {
        return given().baseUri(Platform.API)
                .header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static Map<String, Object> tensor(String name, String datatype, List<?> data) {
        return Map.of(
                "name", name, "shape", List.of(data.size()), "datatype", datatype, "data", data);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> output(JsonPath answer, String name) {
        return answer.<Map<String, Object>>getList("outputs").stream()
                .filter(o -> name.equals(o.get("name")))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no output " + name + " in " + answer.prettify()));
    }
}
