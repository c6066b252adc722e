package org.mlplatform.worker.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mlplatform.serving.engine.DjlEngine;
import org.mlplatform.serving.engine.EngineInfo;
import org.mlplatform.worker.registration.FakePlatformApi;

/** The real PyTorch natives from the jars load offline; this is not a mock. */
@QuarkusTest
@WithTestResource(FakePlatformApi.class)
class DjlEngineTest {

    @Inject DjlEngine engine;

    @Test
    void shouldReportLoadedPyTorchEngineInHealth() {
        // Readiness also waits for the registration, which runs in the background after start-up.
        FakePlatformApi.awaitUntil(
                () -> given().get("/q/health/ready").statusCode() == 200,
                "the worker to be ready",
                Duration.ofSeconds(30));
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'djl-engine' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'djl-engine' }.data.engine", equalTo("PyTorch"))
                .body(
                        "checks.find { it.name == 'djl-engine' }.data.version",
                        matchesPattern("\\d+\\.\\d+.*"))
                .body("checks.find { it.name == 'djl-engine' }.data.device", equalTo("cpu()"))
                .body(
                        "checks.find { it.name == 'djl-engine' }.data.engines",
                        matchesPattern("PyTorch \\d+\\.\\d+\\S*, OnnxRuntime \\d+\\.\\d+\\S*"));
    }

    @Test
    void shouldLoadOnnxRuntimeFromItsJarOffline() {
        assertThat(engine.engines())
                .extracting(EngineInfo::name)
                .containsExactly("PyTorch", "OnnxRuntime");
        try (NDManager manager = NDManager.newBaseManager("OnnxRuntime");
                NDArray ones = manager.ones(new ai.djl.ndarray.types.Shape(2, 2))) {
            assertThat(ones.toFloatArray()).containsExactly(1f, 1f, 1f, 1f);
        }
    }

    @Test
    void shouldComputeOnTheLoadedEngineOffline() {
        assertThat(System.getProperty(DjlEngine.OFFLINE_PROPERTY)).isEqualTo("true");
        try (NDManager manager = NDManager.newBaseManager(engine.device(), "PyTorch");
                NDArray sum = manager.create(new float[] {1f, 2f, 3f}).sum()) {
            assertThat(sum.getFloat()).isEqualTo(6f);
        }
    }
}
