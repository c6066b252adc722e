package org.mlplatform.api.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.apikey.ApiKeys;
import org.mlplatform.api.deployment.Deployments;
import org.mlplatform.api.inference.Gateway;
import org.mlplatform.api.model.Models;
import org.mlplatform.api.worker.Worker;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.TensorSpec;

/**
 * platform-api serving a real ONNX model in-process ({@code platform.inference.local}): registered
 * as an inference worker, it loads the deployment rendezvous hashing gives it, and the gateway's
 * calls run on its serving runtime without an HTTP hop; its routes under {@code /internal/serving}
 * take only its inference token.
 */
@QuarkusTest
@TestProfile(LocalServingProfile.class)
class LocalServingTest {

    private static final Path MODELS = Path.of("../worker/src/test/resources/models");
    private static final ModelSignature ONNX_SIGNATURE =
            new ModelSignature(
                    List.of(new TensorSpec("input", "float32", List.of(-1L, 4L))),
                    List.of(new TensorSpec("logits", "float32", List.of(-1L, 3L))));
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static Team team;
    private static String model;
    private static String deployment;

    /** One ONNX deployment of a team's tenant, served by this process alone (others retired). */
    @BeforeEach
    void deployOnce() throws Exception {
        if (deployment != null) {
            return;
        }
        Deployments.retireInferenceWorkers();
        team = TestData.team();
        model = Models.create(team.slug(), team.owner());
        byte[] onnx = Files.readAllBytes(MODELS.resolve("tiny-mlp.onnx"));
        int version =
                Deployments.readyVersion(team.slug(), team.owner(), model, onnx, ONNX_SIGNATURE);
        deployment = Deployments.deployed(team.slug(), team.owner(), model, version);
        await(
                "the deployment to be READY on platform-api",
                () -> {
                    JsonPath d =
                            TestData.as(team.owner())
                                    .get(
                                            "/api/v1/tenants/{t}/deployments/{id}",
                                            team.slug(),
                                            deployment)
                                    .jsonPath();
                    return "READY".equals(d.getString("status"))
                            && d.getList("replicaStatus.worker", String.class).stream()
                                    .anyMatch(w -> w.startsWith("platform-api@"));
                });
    }

    @Test
    void shouldAnswerThroughTheGatewayFromThisProcessAsDjlComputesIt() throws Exception {
        JsonPath expected = JsonPath.from(MODELS.resolve("tiny-mlp-expected.json").toFile());
        double servedBefore = servedByThisProcess();

        Response answer =
                Gateway.infer(
                        ApiKeys.create(team.slug(), team.owner()).secret(),
                        model,
                        body(expected.getList("input")));

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.path("model_name").toString()).isEqualTo(model);
        List<Float> logits = answer.jsonPath().getList("outputs[0].data", Float.class);
        List<List<Float>> rows = expected.getList("logits");
        assertThat(logits).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(logits.get(i))
                    .isCloseTo(((Number) rows.get(i / 3).get(i % 3)).floatValue(), within(1e-5f));
        }
        assertThat(servedByThisProcess()).isEqualTo(servedBefore + 1);
    }

    @Test
    void shouldMeasureACallOnceInTheGatewayAndOnceInTheRuntime() {
        double gatewayBefore = metric(l -> l.startsWith("gateway_requests_total{outcome=\"ok\""));
        double servedBefore = servedByThisProcess();

        Response answer =
                Gateway.infer(
                        ApiKeys.create(team.slug(), team.owner()).secret(),
                        model,
                        body(List.of(List.of(1, 2, 3, 4))));

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(metric(l -> l.startsWith("gateway_requests_total{outcome=\"ok\"")))
                .isEqualTo(gatewayBefore + 1);
        assertThat(servedByThisProcess()).isEqualTo(servedBefore + 1);
        assertThat(given().get("/q/metrics").asString().lines())
                .filteredOn(l -> l.startsWith("http_server_requests_seconds_count{"))
                .isNotEmpty()
                .noneMatch(l -> l.contains("uri=\"/v2/") || l.contains("uri=\"/internal/serving/"));
    }

    @Test
    void shouldHideTheModelFromAnotherTenantsKey() {
        Response answer =
                Gateway.infer(
                        ApiKeys.create(team.otherSlug(), team.outsider()).secret(),
                        model,
                        body(List.of(List.of(1, 2, 3, 4))));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.asString()).contains("not found");
    }

    @Test
    void shouldServeItsRoutesOnlyWithItsInferenceToken() {
        String path = "/internal/serving/v2/models/" + deployment + "/infer";
        String body = body(List.of(List.of(1, 2, 3, 4)));

        assertThat(post(path, null, body).statusCode()).isEqualTo(401);
        assertThat(post(path, "not-the-token", body).statusCode()).isEqualTo(401);
        Response direct = post(path, localToken(), body);
        assertThat(direct.statusCode()).as(direct.asString()).isEqualTo(200);
        assertThat(direct.jsonPath().getList("outputs[0].data")).hasSize(3);
        Response unknown =
                post(
                        "/internal/serving/v2/models/" + UUID.randomUUID() + "/infer",
                        localToken(),
                        body);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private static String body(List<?> rows) {
        List<Object> data = rows.stream().<Object>flatMap(r -> ((List<?>) r).stream()).toList();
        return json(
                Map.of(
                        "inputs",
                        List.of(
                                Map.of(
                                        "name",
                                        "input",
                                        "shape",
                                        List.of(rows.size(), 4),
                                        "datatype",
                                        "FP32",
                                        "data",
                                        data))));
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response post(String path, String token, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.post(path).andReturn();
    }

    private static String localToken() {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                Worker.<Worker>find("name like 'platform-api@%'")
                                        .firstResult()
                                        .inferenceToken);
    }

    /** The sum of this process's Prometheus series that {@code series} accepts. */
    private static double metric(Predicate<String> series) {
        return given().get("/q/metrics")
                .asString()
                .lines()
                .filter(series)
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * Calls this process's serving runtime answered for the deployment (its Prometheus counter).
     */
    private static double servedByThisProcess() {
        return metric(
                l ->
                        l.startsWith("platform_inference_requests_total{")
                                && l.contains("deployment=\"" + deployment + "\"")
                                && l.contains("status=\"2xx\""));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("not within " + DEADLINE + ": " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
