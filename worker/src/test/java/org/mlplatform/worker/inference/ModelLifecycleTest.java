package org.mlplatform.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.serving.InferenceToken;
import org.mlplatform.serving.ModelBudget;
import org.mlplatform.serving.ModelRegistry;
import org.mlplatform.serving.ModelState;
import org.mlplatform.serving.ServingConfig;
import org.mlplatform.worker.registration.FakePlatformApi;
import org.mlplatform.worker.validation.ModelFixtures;

/** Assignment, unassignment, failures, LRU eviction and idle unloading of deployments. */
@QuarkusTest
@WithTestResource(FakePlatformApi.class)
class ModelLifecycleTest {

    private static final String BODY =
            "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP32\","
                    + "\"data\":[1,2,3,4]}]}";

    @Inject ModelRegistry registry;
    @Inject InferenceToken token;
    @Inject ServingConfig config;

    private final ObjectMapper json = new ObjectMapper();
    private final List<UUID> deployed = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        registry.useBudget(
                new ModelBudget(config.memoryBudget().asLongValue(), config.footprintFactor()));
        deployed.forEach(
                id -> {
                    FakePlatformApi.ASSIGNED.remove(id);
                    FakePlatformApi.DEPLOYMENTS.remove(id);
                    registry.unassign(id);
                });
    }

    @Test
    void shouldDrainUnloadAndDeleteFilesWhenUnassigned() throws Exception {
        DeploymentAssignment onnx = onnx();
        FakePlatformApi.ASSIGNED.put(onnx.id(), onnx);
        Deployments.awaitReport(onnx.id(), "PENDING");
        Deployments.awaitReport(onnx.id(), "READY");
        assertThat(Deployments.infer(token.value(), onnx.id(), BODY).statusCode()).isEqualTo(200);
        assertThat(filesOf(onnx.id())).isNotEmpty();

        FakePlatformApi.ASSIGNED.remove(onnx.id());

        FakePlatformApi.awaitUntil(
                () -> registry.state(onnx.id()).isEmpty() && filesOf(onnx.id()).isEmpty(),
                "the unassigned deployment to be unloaded",
                Deployments.DEADLINE);
        FakePlatformApi.awaitUntil(
                () ->
                        FakePlatformApi.WITHDRAWALS.stream()
                                .anyMatch(
                                        c ->
                                                c.path()
                                                        .startsWith(
                                                                "/internal/v1/deployments/"
                                                                        + onnx.id()
                                                                        + "/replicas/")),
                "its report to be withdrawn",
                Deployments.DEADLINE);
    }

    @Test
    void shouldWatchItsAssignmentsRatherThanAskEveryPollInterval() throws Exception {
        DeploymentAssignment onnx = onnx();
        FakePlatformApi.ASSIGNED.put(onnx.id(), onnx);
        Deployments.awaitReport(onnx.id(), "READY");
        Thread.sleep(500); // its list settled: it watches the list it holds

        int before = FakePlatformApi.ASSIGNMENT_CALLS.get();
        Thread.sleep(2_000);
        int calls = FakePlatformApi.ASSIGNMENT_CALLS.get() - before;

        // Asking every poll interval (200 ms here) would be about ten calls; a watch waits 3 s.
        assertThat(calls).isLessThanOrEqualTo(2);
        // And a change still reaches it while it waits.
        FakePlatformApi.ASSIGNED.remove(onnx.id());
        FakePlatformApi.awaitUntil(
                () -> registry.state(onnx.id()).isEmpty(),
                "the unassigned deployment to be unloaded",
                Duration.ofSeconds(2));
    }

    @Test
    void shouldTakeChangedBatchingWithoutReloading() throws Exception {
        DeploymentAssignment onnx = onnx();
        FakePlatformApi.ASSIGNED.put(onnx.id(), onnx);
        Deployments.awaitReport(onnx.id(), "READY");

        assertTakesNewBatchingWithoutReloading(onnx);
    }

    @Test
    void shouldGiveADeploymentLoadedOnItsFirstRequestItsBatchingOnceAssigned() throws Exception {
        DeploymentAssignment onnx = lazy();
        assertThat(Deployments.infer(token.value(), onnx.id(), BODY).statusCode()).isEqualTo(200);
        Deployments.awaitReport(onnx.id(), "READY");

        assertTakesNewBatchingWithoutReloading(onnx);
    }

    @Test
    void shouldKeepADeploymentHeldForAFailoverInStepAndUnloadItOnceDeleted() throws Exception {
        DeploymentAssignment onnx = lazy();
        assertThat(Deployments.infer(token.value(), onnx.id(), BODY).statusCode()).isEqualTo(200);
        Deployments.awaitReport(onnx.id(), "READY");
        int reports = FakePlatformApi.reportsOf(onnx.id()).size();
        DeploymentAssignment changed = withBatching(onnx, 1, 0);

        // Changed on the platform, still assigned to another worker.
        FakePlatformApi.DEPLOYMENTS.put(onnx.id(), changed);

        FakePlatformApi.awaitUntil(
                () -> registry.assignment(onnx.id()).equals(Optional.of(changed)),
                "the deployment held for a failover to take the new batching",
                Deployments.DEADLINE);
        assertThat(FakePlatformApi.reportsOf(onnx.id())).as("not loaded again").hasSize(reports);
        assertThat(registry.assigned()).doesNotContain(onnx.id());

        FakePlatformApi.DEPLOYMENTS.remove(onnx.id());

        FakePlatformApi.awaitUntil(
                () -> registry.state(onnx.id()).isEmpty() && filesOf(onnx.id()).isEmpty(),
                "the deleted deployment to be unloaded",
                Deployments.DEADLINE);
    }

    /** Assigns the deployment with batching 1 / 0 ms: the loaded model takes it, no new load. */
    private void assertTakesNewBatchingWithoutReloading(DeploymentAssignment onnx) {
        int reports = FakePlatformApi.reportsOf(onnx.id()).size();
        DeploymentAssignment changed = withBatching(onnx, 1, 0);

        FakePlatformApi.ASSIGNED.put(onnx.id(), changed);

        FakePlatformApi.awaitUntil(
                () -> registry.assignment(onnx.id()).equals(Optional.of(changed)),
                "the loaded deployment to take the new batching",
                Deployments.DEADLINE);
        assertThat(Deployments.infer(token.value(), onnx.id(), BODY).statusCode()).isEqualTo(200);
        assertThat(FakePlatformApi.reportsOf(onnx.id())).as("not loaded again").hasSize(reports);
    }

    private static DeploymentAssignment withBatching(
            DeploymentAssignment a, int maxBatchSize, int maxBatchDelayMs) {
        return new DeploymentAssignment(
                a.id(),
                a.tenant(),
                a.model(),
                a.version(),
                a.format(),
                a.artifact(),
                a.signature(),
                a.trained(),
                maxBatchSize,
                maxBatchDelayMs);
    }

    @Test
    void shouldReportFailedWithAReasonForACorruptArtifact() throws Exception {
        byte[] corrupt = ModelFixtures.bytes("tiny-mlp.onnx").clone();
        for (int i = 40; i < corrupt.length; i += 7) {
            corrupt[i] = (byte) 0xff;
        }
        DeploymentAssignment broken =
                Deployments.of(ModelFormat.ONNX, corrupt, Deployments.ONNX_SIGNATURE, false, 8, 2);
        deployed.add(broken.id());
        FakePlatformApi.ASSIGNED.put(broken.id(), broken);

        JsonNode report = json.readTree(Deployments.awaitReport(broken.id(), "FAILED"));

        assertThat(report.path("failureReason").asText())
                .startsWith("The file is not a valid ONNX model");
        assertThat(filesOf(broken.id())).isEmpty();
        Response response = Deployments.infer(token.value(), broken.id(), BODY);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json.readTree(response.asByteArray()).path("error").asText())
                .startsWith("The model could not be loaded: The file is not a valid ONNX model");
    }

    @Test
    void shouldReportFailedWhenTheArtifactDoesNotMatchItsChecksum() throws Exception {
        DeploymentAssignment onnx = onnx();
        FakePlatformApi.BLOBS.put(onnx.artifact().sha256(), ModelFixtures.bytes("tiny-mlp.pt"));
        FakePlatformApi.ASSIGNED.put(onnx.id(), onnx);

        JsonNode report = json.readTree(Deployments.awaitReport(onnx.id(), "FAILED"));

        assertThat(report.path("failureReason").asText())
                .startsWith("The model's artifact could not be fetched intact: Blob ");
    }

    @Test
    void shouldUnloadTheLeastRecentlyUsedModelWhenANewOneDoesNotFit() throws Exception {
        long size = ModelFixtures.bytes("tiny-mlp.onnx").length;
        // Room for two models' footprints, not three.
        registry.useBudget(new ModelBudget(size * 5, 2.0));
        DeploymentAssignment first = lazy();
        DeploymentAssignment second = lazy();
        DeploymentAssignment third = lazy();
        assertThat(Deployments.infer(token.value(), first.id(), BODY).statusCode()).isEqualTo(200);
        assertThat(Deployments.infer(token.value(), second.id(), BODY).statusCode()).isEqualTo(200);
        // first is used again: second is now the least recently used.
        assertThat(Deployments.infer(token.value(), first.id(), BODY).statusCode()).isEqualTo(200);

        assertThat(Deployments.infer(token.value(), third.id(), BODY).statusCode()).isEqualTo(200);

        FakePlatformApi.awaitUntil(
                () -> registry.state(second.id()).isEmpty(),
                "the least recently used model to be unloaded",
                Deployments.DEADLINE);
        assertThat(registry.state(first.id())).contains(ModelState.READY);
        assertThat(registry.state(third.id())).contains(ModelState.READY);
        // An evicted model loads again on its next request.
        assertThat(Deployments.infer(token.value(), second.id(), BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldUnloadIdleModelsAndLoadThemAgainOnTheNextRequest() {
        DeploymentAssignment onnx = lazy();
        assertThat(Deployments.infer(token.value(), onnx.id(), BODY).statusCode()).isEqualTo(200);

        assertThat(registry.unloadIdleFor(Duration.ZERO)).isPositive();

        FakePlatformApi.awaitUntil(
                () -> registry.state(onnx.id()).isEmpty() && filesOf(onnx.id()).isEmpty(),
                "the idle model to be unloaded",
                Deployments.DEADLINE);
        assertThat(registry.unloadIdleFor(Duration.ofHours(1))).isZero();
        assertThat(Deployments.infer(token.value(), onnx.id(), BODY).statusCode()).isEqualTo(200);
    }

    private DeploymentAssignment onnx() {
        DeploymentAssignment a =
                Deployments.of(
                        ModelFormat.ONNX,
                        ModelFixtures.bytes("tiny-mlp.onnx"),
                        Deployments.ONNX_SIGNATURE,
                        false,
                        8,
                        2);
        deployed.add(a.id());
        return a;
    }

    /** A deployment of another worker, loaded here on its first request (a failover). */
    private DeploymentAssignment lazy() {
        DeploymentAssignment a = onnx();
        FakePlatformApi.DEPLOYMENTS.put(a.id(), a);
        return a;
    }

    private List<Path> filesOf(UUID deployment) {
        Path dir = Path.of(config.workDir(), "deployments");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(
                            p -> p.getFileName().toString().startsWith(deployment.toString()))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
