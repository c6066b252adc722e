package org.mlplatform.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.TestData.asWorker;
import static org.mlplatform.api.model.Models.randomBytes;
import static org.mlplatform.api.model.Models.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.common.ChangeNotifier;
import org.mlplatform.api.common.ChangeNotifier.Channel;
import org.mlplatform.api.model.Models;
import org.mlplatform.contract.job.JobStatus;

@QuarkusTest
class JobQueueTest {

    private static final String WORKER = "00000000-0000-0000-0000-0000000000b1";

    @Inject ChangeNotifier notifier;

    private Team team;
    private String model;

    @BeforeEach
    void setUp() {
        Models.drainQueue();
        team = TestData.team();
        model = Models.create(team.slug(), team.member());
    }

    @Test
    void shouldHandOutQueuedValidationOnceThenNothing() {
        String sha = upload(team.slug(), team.member(), model, randomBytes(100)).path("sha256");

        Response first = claim(0);
        Response second = claim(0);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.<String>path("kind")).isEqualTo("VALIDATE_MODEL");
        assertThat(first.<String>path("tenant")).isEqualTo(team.slug());
        assertThat(first.<Integer>path("attempt")).isEqualTo(1);
        assertThat(first.<String>path("validateModel.sha256")).isEqualTo(sha);
        assertThat(first.<String>path("validateModel.model")).isEqualTo(model);
        assertThat(first.<Integer>path("validateModel.version")).isEqualTo(1);
        assertThat(second.statusCode()).isEqualTo(204);
    }

    @Test
    void shouldWakeLongPollingClaimWhenAVersionIsUploaded() throws Exception {
        long generation = notifier.generation(Channel.JOBS);
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> claim(30));

        Instant uploaded = Instant.now();
        upload(team.slug(), team.member(), model, randomBytes(100)).then().statusCode(202);
        Response claimed = waiting.get(10, TimeUnit.SECONDS);

        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(claimed.<String>path("validateModel.model")).isEqualTo(model);
        assertThat(Duration.between(uploaded, Instant.now())).isLessThan(Duration.ofSeconds(5));
        // The wake-up came from PostgreSQL's NOTIFY, not only from the waiters' fallback tick.
        Instant deadline = Instant.now().plusSeconds(5);
        while (notifier.generation(Channel.JOBS) == generation
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(notifier.generation(Channel.JOBS)).isGreaterThan(generation);
    }

    @Test
    void shouldRefuseHeartbeatAndCompletionWithStaleToken() {
        upload(team.slug(), team.member(), model, randomBytes(100)).then().statusCode(202);
        Response job = claim(0);
        String id = job.path("jobId");
        String stale = UUID.randomUUID().toString();

        Response heartbeat =
                asWorker()
                        .body(Map.of("leaseToken", stale))
                        .post("/internal/v1/jobs/{id}/heartbeat", id);
        Response complete =
                asWorker()
                        .body(Map.of("leaseToken", stale))
                        .post("/internal/v1/jobs/{id}/complete", id);
        Response renewed =
                asWorker()
                        .body(Map.of("leaseToken", job.path("leaseToken")))
                        .post("/internal/v1/jobs/{id}/heartbeat", id);

        assertThat(heartbeat.statusCode()).isEqualTo(409);
        assertThat(heartbeat.<String>path("type")).endsWith("/stale-lease");
        assertThat(complete.statusCode()).isEqualTo(409);
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(renewed.<Boolean>path("cancelRequested")).isFalse();
    }

    @Test
    void shouldMarkVersionReadyWithSignatureWhenValidationSucceeds() {
        upload(team.slug(), team.member(), model, randomBytes(100)).then().statusCode(202);
        Response job = claim(0);

        asWorker()
                .body(
                        Map.of(
                                "leaseToken",
                                (String) job.path("leaseToken"),
                                "validation",
                                Map.of(
                                        "valid",
                                        true,
                                        "engine",
                                        "OnnxRuntime",
                                        "loadMillis",
                                        12,
                                        "signature",
                                        Map.of(
                                                "inputs",
                                                List.of(
                                                        Map.of(
                                                                "name",
                                                                "x",
                                                                "dataType",
                                                                "float32",
                                                                "shape",
                                                                List.of(-1, 4))),
                                                "outputs",
                                                List.of(Map.of("name", "y"))))))
                .post("/internal/v1/jobs/{id}/complete", (String) job.path("jobId"))
                .then()
                .statusCode(204);

        Response version = version();
        assertThat(version.<String>path("status")).isEqualTo("READY");
        assertThat(version.<String>path("signature.inputs[0].name")).isEqualTo("x");
        assertThat(version.<List<Integer>>path("signature.inputs[0].shape")).containsExactly(-1, 4);
        assertThat(version.<String>path("validatedAt")).isNotNull();
        assertThat(status(job.path("jobId"))).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void shouldMarkVersionFailedWithReasonWhenModelDoesNotLoad() {
        upload(team.slug(), team.member(), model, randomBytes(100)).then().statusCode(202);
        Response job = claim(0);

        asWorker()
                .body(
                        Map.of(
                                "leaseToken",
                                (String) job.path("leaseToken"),
                                "validation",
                                Map.of(
                                        "valid",
                                        false,
                                        "failureReason",
                                        "not an ONNX file",
                                        "loadMillis",
                                        3)))
                .post("/internal/v1/jobs/{id}/complete", (String) job.path("jobId"))
                .then()
                .statusCode(204);

        Response version = version();
        assertThat(version.<String>path("status")).isEqualTo("FAILED");
        assertThat(version.<String>path("failureReason")).isEqualTo("not an ONNX file");
    }

    @Test
    void shouldRequeueExpiredLeaseWithNextAttemptThenFailAfterMaxAttempts() throws Exception {
        upload(team.slug(), team.member(), model, randomBytes(100)).then().statusCode(202);
        Response first = claim(0);
        String id = first.path("jobId");

        expireLease(id);
        Response second = claimUntil(id);
        expireLease(id);

        assertThat(second.<Integer>path("attempt")).isEqualTo(2);
        assertThat(second.<String>path("leaseToken")).isNotEqualTo(first.path("leaseToken"));
        Instant deadline = Instant.now().plusSeconds(10);
        while (status(id) != JobStatus.FAILED && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(status(id)).isEqualTo(JobStatus.FAILED);
        Response version = version();
        assertThat(version.<String>path("status")).isEqualTo("FAILED");
        assertThat(version.<String>path("failureReason")).contains("expired");
        asWorker()
                .body(Map.of("leaseToken", second.path("leaseToken")))
                .post("/internal/v1/jobs/{id}/complete", id)
                .then()
                .statusCode(409);
    }

    @Test
    void shouldStreamBlobToWorkersAnd404ForUnknown() throws Exception {
        byte[] bytes = randomBytes(12_345);
        String sha = upload(team.slug(), team.member(), model, bytes).path("sha256");

        Response blob =
                asWorker().accept("application/octet-stream").get("/internal/v1/blobs/{s}", sha);

        assertThat(blob.statusCode()).isEqualTo(200);
        assertThat(blob.asByteArray()).isEqualTo(bytes);
        assertThat(blob.header("Content-Length")).isEqualTo("12345");
        asWorker()
                .accept("application/octet-stream")
                .get("/internal/v1/blobs/{s}", "0".repeat(64))
                .then()
                .statusCode(404);
    }

    private Response version() {
        return as(team.viewer())
                .get("/api/v1/tenants/{t}/models/{m}/versions/1", team.slug(), model)
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private static Response claim(int waitSeconds) {
        return asWorker()
                .body(
                        Map.of(
                                "workerId",
                                WORKER,
                                "kinds",
                                List.of("VALIDATE_MODEL"),
                                "waitSeconds",
                                waitSeconds))
                .post("/internal/v1/jobs/claim");
    }

    private static Response claimUntil(String jobId) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            Response claimed = claim(1);
            if (claimed.statusCode() == 200 && jobId.equals(claimed.path("jobId"))) {
                return claimed;
            }
        }
        throw new AssertionError("job " + jobId + " was not requeued in time");
    }

    private static void expireLease(String id) {
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                Job.update(
                                        "leaseExpiresAt = ?1 where id = ?2",
                                        Instant.now().minusSeconds(1),
                                        UUID.fromString(id)));
    }

    private static JobStatus status(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Job.<Job>findById(UUID.fromString(id)).status);
    }
}
