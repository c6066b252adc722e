package org.mlplatform.worker.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.ValidateModelSpec;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.worker.registration.FakePlatformApi;
import org.mlplatform.worker.registration.FakePlatformApi.Call;
import org.mlplatform.worker.validation.ModelFixtures;

/** The worker against a fake platform-api: claim, download, validate, heartbeat, complete. */
@QuarkusTest
@WithTestResource(FakePlatformApi.class)
class JobRunnerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldClaimValidateHeartbeatAndCompleteWithTheSignature() throws Exception {
        byte[] onnx = ModelFixtures.bytes("tiny-mlp.onnx");
        String sha256 = sha256(onnx);
        FakePlatformApi.BLOBS.put(sha256, onnx);
        JobAssignment job = job(ModelFormat.ONNX, sha256, onnx.length, Duration.ofMillis(600));
        // The blob is served only after a heartbeat of this job: the job cannot end before one.
        FakePlatformApi.BLOB_AFTER_HEARTBEAT_OF.put(sha256, job.jobId());

        FakePlatformApi.QUEUED_JOBS.add(job);

        Call complete = awaitCall(job.jobId(), "complete");
        JsonNode body = json.readTree(complete.body());
        assertThat(complete.authorization()).isEqualTo("Bearer " + FakePlatformApi.TOKEN);
        assertThat(body.path("leaseToken").asText()).isEqualTo(job.leaseToken().toString());
        JsonNode validation = body.path("validation");
        assertThat(validation.path("valid").asBoolean()).isTrue();
        assertThat(validation.path("engine").asText()).isEqualTo("OnnxRuntime");
        assertThat(validation.path("signature").path("inputs").toString())
                .isEqualTo("[{\"name\":\"input\",\"dataType\":\"float32\",\"shape\":[-1,4]}]");
        assertThat(validation.path("signature").path("outputs").toString())
                .isEqualTo("[{\"name\":\"logits\",\"dataType\":\"float32\",\"shape\":[-1,3]}]");
        assertThat(validation.path("inferenceMillis").isNumber()).isTrue();

        List<Call> heartbeats = callsOf(job.jobId(), "heartbeat");
        assertThat(heartbeats).isNotEmpty();
        for (Call heartbeat : heartbeats) {
            assertThat(json.readTree(heartbeat.body()).path("leaseToken").asText())
                    .isEqualTo(job.leaseToken().toString());
        }
        assertThat(FakePlatformApi.BLOB_DOWNLOADS)
                .anySatisfy(
                        d -> {
                            assertThat(d.path()).endsWith(sha256);
                            assertThat(d.authorization())
                                    .isEqualTo("Bearer " + FakePlatformApi.TOKEN);
                        });
        JsonNode claim = json.readTree(FakePlatformApi.CLAIMS.get(0).body());
        assertThat(claim.path("kinds").toString()).isEqualTo("[\"VALIDATE_MODEL\",\"TRAIN\"]");
        assertThat(claim.path("waitSeconds").asInt()).isEqualTo(1);
        assertThat(FakePlatformApi.ISSUED_IDS)
                .contains(UUID.fromString(claim.path("workerId").asText()));
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("platform_worker_jobs_claimed_total{kind=\"VALIDATE_MODEL\""))
                .body(containsString("platform_worker_jobs_succeeded_total"))
                .body(containsString("platform_worker_validation_duration_seconds_count"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldCompleteInvalidModelsAsSucceededJobsWithTheReason() throws Exception {
        byte[] onnx = ModelFixtures.bytes("tiny-mlp.onnx");
        String sha256 = sha256(onnx);
        FakePlatformApi.BLOBS.put(sha256, onnx);
        JobAssignment job =
                job(ModelFormat.TORCHSCRIPT, sha256, onnx.length, Duration.ofSeconds(30));

        FakePlatformApi.QUEUED_JOBS.add(job);

        JsonNode validation =
                json.readTree(awaitCall(job.jobId(), "complete").body()).path("validation");
        assertThat(validation.path("valid").asBoolean()).isFalse();
        assertThat(validation.path("failureReason").asText())
                .contains("not a TorchScript archive saved with torch.jit.save")
                .contains("ONNX");
    }

    @Test
    void shouldDropTheResultWhenCompleteAnswersStaleLease() throws Exception {
        byte[] pt = ModelFixtures.bytes("tiny-mlp.pt");
        String sha256 = sha256(pt);
        FakePlatformApi.BLOBS.put(sha256, pt);
        JobAssignment stale =
                job(ModelFormat.TORCHSCRIPT, sha256, pt.length, Duration.ofSeconds(30));
        FakePlatformApi.STALE_ON_COMPLETE.add(stale.leaseToken());
        JobAssignment next =
                job(ModelFormat.TORCHSCRIPT, sha256, pt.length, Duration.ofSeconds(30));

        FakePlatformApi.QUEUED_JOBS.add(stale);
        awaitCall(stale.jobId(), "complete");
        FakePlatformApi.QUEUED_JOBS.add(next);
        awaitCall(next.jobId(), "complete");

        // The runner moved on to the next job without asking again or failing the stale one.
        assertThat(callsOf(stale.jobId(), "complete")).hasSize(1);
        assertThat(callsOf(stale.jobId(), "fail")).isEmpty();
        given().when()
                .get("/q/metrics")
                .then()
                .body(containsString("platform_worker_jobs_stale_total{kind=\"VALIDATE_MODEL\""));
    }

    @Test
    void shouldStopHeartbeatsAndDropTheResultWhenHeartbeatAnswersStaleLease() throws Exception {
        byte[] onnx = ModelFixtures.bytes("tiny-mlp.onnx");
        String sha256 = sha256(onnx);
        FakePlatformApi.BLOBS.put(sha256, onnx);
        JobAssignment stale = job(ModelFormat.ONNX, sha256, onnx.length, Duration.ofMillis(600));
        FakePlatformApi.STALE_LEASES.add(stale.leaseToken());
        FakePlatformApi.BLOB_AFTER_HEARTBEAT_OF.put(sha256, stale.jobId());
        byte[] pt = ModelFixtures.bytes("tiny-mlp.pt");
        FakePlatformApi.BLOBS.put(sha256(pt), pt);
        JobAssignment next =
                job(ModelFormat.TORCHSCRIPT, sha256(pt), pt.length, Duration.ofSeconds(30));

        FakePlatformApi.QUEUED_JOBS.add(stale);
        awaitCall(stale.jobId(), "heartbeat");
        FakePlatformApi.QUEUED_JOBS.add(next);
        awaitCall(next.jobId(), "complete");
        FakePlatformApi.BLOB_AFTER_HEARTBEAT_OF.remove(sha256);

        assertThat(callsOf(stale.jobId(), "heartbeat")).hasSize(1);
        assertThat(callsOf(stale.jobId(), "complete")).isEmpty();
        assertThat(callsOf(stale.jobId(), "fail")).isEmpty();
    }

    @Test
    void shouldFailRetryableWhenTheBlobDoesNotMatchItsSha256() throws Exception {
        byte[] onnx = ModelFixtures.bytes("tiny-mlp.onnx");
        byte[] tampered = onnx.clone();
        tampered[tampered.length - 1] ^= 0x01;
        String sha256 = sha256(onnx);
        String served = HexFormat.of().formatHex(new byte[32]).replace('0', 'a');
        FakePlatformApi.BLOBS.put(served, tampered);
        JobAssignment job = job(ModelFormat.ONNX, served, onnx.length, Duration.ofSeconds(30));

        FakePlatformApi.QUEUED_JOBS.add(job);

        JsonNode fail = json.readTree(awaitCall(job.jobId(), "fail").body());
        assertThat(fail.path("retryable").asBoolean()).isTrue();
        assertThat(fail.path("error").asText()).contains("SHA-256").doesNotContain(sha256);
        assertThat(callsOf(job.jobId(), "complete")).isEmpty();
    }

    private static JobAssignment job(ModelFormat format, String sha256, long size, Duration lease) {
        return new JobAssignment(
                UUID.randomUUID(),
                JobKind.VALIDATE_MODEL,
                "acme",
                1,
                UUID.randomUUID(),
                Instant.now().plus(lease),
                new ValidateModelSpec("acme", "tiny-mlp", 1, format, sha256, size),
                null);
    }

    private static List<Call> callsOf(UUID jobId, String operation) {
        return FakePlatformApi.jobCalls(jobId, operation);
    }

    private static Call awaitCall(UUID jobId, String operation) {
        return FakePlatformApi.awaitJobCall(jobId, operation, DEADLINE);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        FakePlatformApi.awaitUntil(condition, what, DEADLINE);
    }
}
