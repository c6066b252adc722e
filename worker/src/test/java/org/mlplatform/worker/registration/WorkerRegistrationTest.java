package org.mlplatform.worker.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.mlplatform.serving.InferenceToken;

@QuarkusTest
@WithTestResource(FakePlatformApi.class)
class WorkerRegistrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private final ObjectMapper json = new ObjectMapper();

    @Inject InferenceToken token;

    @Test
    void shouldRegisterWithEngineAndCapabilities() throws Exception {
        awaitUntil(() -> !FakePlatformApi.REGISTRATIONS.isEmpty(), "a registration");

        FakePlatformApi.Call call = FakePlatformApi.REGISTRATIONS.get(0);
        assertThat(call.authorization()).isEqualTo("Bearer " + FakePlatformApi.TOKEN);
        JsonNode request = json.readTree(call.body());
        assertThat(request.path("name").asText()).isEqualTo("test-worker");
        assertThat(request.path("url").asText()).isEqualTo("http://localhost:8082");
        assertThat(request.path("engine").asText()).isEqualTo("PyTorch");
        assertThat(request.path("engineVersion").asText()).matches("\\d+\\.\\d+.*");
        assertThat(request.path("version").asText()).isNotBlank();
        JsonNode capabilities = request.path("capabilities");
        assertThat(capabilities.path("device").asText()).isEqualTo("cpu()");
        assertThat(capabilities.path("cores").asInt()).isPositive();
        assertThat(capabilities.path("maxMemory").asLong()).isPositive();
        assertThat(request.path("roles").toString()).isEqualTo("[\"JOBS\",\"INFERENCE\"]");
        String inferenceToken = request.path("inferenceToken").asText();
        assertThat(inferenceToken).isEqualTo(token.value()).matches("[A-Za-z0-9_-]{43,}");
        assertThat(Base64.getUrlDecoder().decode(inferenceToken)).hasSizeGreaterThanOrEqualTo(32);
        String clientCredentials =
                Base64.getEncoder()
                        .encodeToString(
                                "platform-worker:platform-worker-secret"
                                        .getBytes(StandardCharsets.UTF_8));
        assertThat(FakePlatformApi.TOKEN_REQUESTS)
                .anySatisfy(
                        token -> {
                            assertThat(token.body()).contains("grant_type=client_credentials");
                            assertThat(token.authorization())
                                    .isEqualTo("Basic " + clientCredentials);
                        });
    }

    @Test
    void shouldSendHeartbeatsWithBearerTokenAndReportReady() {
        awaitUntil(() -> FakePlatformApi.HEARTBEATS.size() >= 2, "two heartbeats");

        assertThat(FakePlatformApi.HEARTBEATS)
                .allSatisfy(
                        call ->
                                assertThat(call.authorization())
                                        .isEqualTo("Bearer " + FakePlatformApi.TOKEN));
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem("platform-registration"))
                .body("checks.find { it.name == 'platform-registration' }.status", equalTo("UP"));
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("platform_worker_registered 1.0"))
                .body(containsString("platform_worker_heartbeats_total{outcome=\"ok\"}"));
    }

    @Test
    void shouldRegisterAgainWhenHeartbeatAnswers404() {
        awaitUntil(() -> !FakePlatformApi.HEARTBEATS.isEmpty(), "a first heartbeat");
        int registrations = FakePlatformApi.REGISTRATIONS.size();
        UUID oldId = FakePlatformApi.ISSUED_IDS.get(FakePlatformApi.ISSUED_IDS.size() - 1);

        FakePlatformApi.forgetWorkers();

        awaitUntil(
                () -> FakePlatformApi.REGISTRATIONS.size() > registrations,
                "a registration after the 404 heartbeat");
        // The heartbeat or the inference worker's assignment poll, whichever came first, heard
        // the 404.
        assertThat(FakePlatformApi.UNKNOWN_HEARTBEATS.get() + FakePlatformApi.UNKNOWN_POLLS.get())
                .isPositive();
        UUID newId = FakePlatformApi.ISSUED_IDS.get(FakePlatformApi.ISSUED_IDS.size() - 1);
        assertThat(newId).isNotEqualTo(oldId);
        awaitUntil(
                () ->
                        FakePlatformApi.HEARTBEATS.stream()
                                .anyMatch(call -> call.path().contains(newId.toString())),
                "a heartbeat with the new id " + newId);
    }

    static void awaitUntil(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + DEADLINE + " waiting for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }
}
