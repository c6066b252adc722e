package org.mlplatform.api.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.training.TrainingJobs.claimJob;
import static org.mlplatform.api.training.TrainingJobs.epoch;
import static org.mlplatform.api.training.TrainingJobs.events;
import static org.mlplatform.api.training.TrainingJobs.get;
import static org.mlplatform.api.training.TrainingJobs.queue;
import static org.mlplatform.api.training.TrainingJobs.status;
import static org.mlplatform.api.training.TrainingJobs.upload;
import static org.mlplatform.api.training.TrainingJobs.worker;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.model.Models;
import org.mlplatform.contract.job.JobStatus;

/** A TRAIN job as its worker sees it: assignment, events, uploads, cancel, retries, completion. */
@QuarkusTest
class TrainingWorkerTest {

    @Inject EntityManager em;

    private Team team;
    private String dataset;

    @BeforeEach
    void setUp() {
        Models.drainQueue();
        team = TestData.team();
        dataset = TrainingJobs.dataset(team.slug(), team.member());
    }

    @Test
    void shouldHandOutResolvedSpecWithDatasetBlobColumnsClassesAndTimeLimit() {
        String id = queue(team.slug(), team.member(), dataset);
        Response datasetResponse =
                as(team.member()).get("/api/v1/tenants/{t}/datasets/{d}", team.slug(), dataset);

        Response claimed = claimJob(id);

        assertThat(claimed.<String>path("kind")).isEqualTo("TRAIN");
        assertThat(claimed.<String>path("train.datasetFormat")).isEqualTo("CSV");
        assertThat(claimed.<String>path("train.datasetBlob.sha256"))
                .isEqualTo(datasetResponse.path("sha256"));
        assertThat(claimed.<List<String>>path("train.columns.name"))
                .containsExactly("x1", "x2", "color", "price", "label");
        assertThat(claimed.<List<String>>path("train.classes")).containsExactly("no", "yes");
        assertThat(claimed.<Integer>path("train.hyperparameters.epochs")).isEqualTo(10);
        assertThat(claimed.<Object>path("train.checkpoint")).isNull();
        assertThat(claimed.<Integer>path("train.timeLimit.seconds")).isEqualTo(6 * 3600);
        assertThat(claimed.<String>path("train.timeLimit.reason")).contains("max-wall-time");
        Response job = get(team.slug(), team.viewer(), id);
        assertThat(job.<String>path("status")).isEqualTo("RUNNING");
        assertThat(job.<String>path("workerId")).isEqualTo(TrainingJobs.WORKER);
        assertThat(events(team.slug(), team.viewer(), id).<String>path("[1].message"))
                .contains("Attempt 1 started on worker " + TrainingJobs.WORKER);
    }

    @Test
    void shouldRecordWorkerEventsAndShowLatestEpochMetrics() {
        String id = queue(team.slug(), team.member(), dataset);
        String lease = claimJob(id).path("leaseToken");

        worker(
                        "events",
                        id,
                        Map.of(
                                "leaseToken",
                                lease,
                                "events",
                                List.of(
                                        Map.of("type", "LOG", "message", "loading data"),
                                        Map.of("type", "EPOCH", "metrics", epoch(1, 0.9)),
                                        Map.of("type", "EPOCH", "metrics", epoch(2, 0.5)))))
                .then()
                .statusCode(204);

        Response events = events(team.slug(), team.viewer(), id);
        assertThat(events.<List<Integer>>path("seq")).containsExactly(1, 2, 3, 4, 5);
        assertThat(events.<List<String>>path("type"))
                .containsExactly("STATUS", "STATUS", "LOG", "EPOCH", "EPOCH");
        assertThat(events.<String>path("[2].level")).isEqualTo("INFO");
        assertThat(events.<Integer>path("[4].attempt")).isEqualTo(1);
        Response after =
                as(team.viewer())
                        .queryParam("after", 3)
                        .queryParam("limit", 1)
                        .get("/api/v1/tenants/{t}/training-jobs/{id}/events", team.slug(), id);
        assertThat(after.<List<Integer>>path("seq")).containsExactly(4);
        Response job = get(team.slug(), team.viewer(), id);
        assertThat(job.<Integer>path("latestMetrics.epoch")).isEqualTo(2);
        assertThat(job.<Float>path("latestMetrics.trainLoss")).isEqualTo(0.5f);
    }

    @Test
    void shouldRefuseEveryCallWithAStaleLease() {
        String id = queue(team.slug(), team.member(), dataset);
        String lease = claimJob(id).path("leaseToken");
        String stale = UUID.randomUUID().toString();
        Map<String, Object> staleEvents =
                Map.of("leaseToken", stale, "events", List.of(Map.of("type", "LOG")));

        List<Response> refused =
                List.of(
                        worker("events", id, staleEvents),
                        upload("checkpoint", id, stale, new byte[] {1, 2, 3}),
                        upload("artifact", id, stale, new byte[] {1, 2, 3}),
                        worker("complete", id, completion(stale, "0".repeat(64), 3)),
                        worker("cancelled", id, Map.of("leaseToken", stale)),
                        worker("heartbeat", id, Map.of("leaseToken", stale)));

        for (Response response : refused) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(409);
            assertThat(response.<String>path("type")).endsWith("/stale-lease");
        }
        assertThat(status(id)).isEqualTo(JobStatus.RUNNING);
        worker("heartbeat", id, Map.of("leaseToken", lease)).then().statusCode(200);
    }

    @Test
    void shouldCancelRunningJobThroughHeartbeatAndCancelledCall() {
        String id = queue(team.slug(), team.member(), dataset);
        String lease = claimJob(id).path("leaseToken");

        Response cancel =
                as(team.member())
                        .post("/api/v1/tenants/{t}/training-jobs/{id}/cancel", team.slug(), id);
        Response heartbeat = worker("heartbeat", id, Map.of("leaseToken", lease));
        Response stopped = worker("cancelled", id, Map.of("leaseToken", lease));

        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(cancel.<String>path("status")).isEqualTo("RUNNING");
        assertThat(cancel.<Boolean>path("cancelRequested")).isTrue();
        assertThat(heartbeat.<Boolean>path("cancelRequested")).isTrue();
        assertThat(stopped.statusCode()).isEqualTo(204);
        assertThat(get(team.slug(), team.viewer(), id).<String>path("status"))
                .isEqualTo("CANCELLED");
        assertThat(events(team.slug(), team.viewer(), id).<List<String>>path("status"))
                .containsExactly("QUEUED", "RUNNING", "RUNNING", "CANCELLED");
    }

    @Test
    void shouldCancelNotRequeueWhenACancelledJobsLeaseExpires() throws Exception {
        String id = queue(team.slug(), team.member(), dataset);
        claimJob(id);
        as(team.member())
                .post("/api/v1/tenants/{t}/training-jobs/{id}/cancel", team.slug(), id)
                .then()
                .statusCode(200);

        TrainingJobs.expireLease(id);

        TestData.await("the job ends CANCELLED", () -> status(id) == JobStatus.CANCELLED);
    }

    @Test
    void shouldRequeueExpiredLeaseAndResumeFromTheCheckpoint() throws Exception {
        String id = queue(team.slug(), team.member(), dataset);
        String lease = claimJob(id).path("leaseToken");
        Response checkpoint = upload("checkpoint", id, lease, Models.randomBytes(500));
        assertThat(checkpoint.statusCode()).as(checkpoint.asString()).isEqualTo(200);

        TrainingJobs.expireLease(id);
        TestData.await("the job is requeued", () -> status(id) == JobStatus.QUEUED);
        Response second = claimJob(id);

        assertThat(second.<Integer>path("attempt")).isEqualTo(2);
        assertThat(second.<String>path("train.checkpoint.sha256"))
                .isEqualTo(checkpoint.path("sha256"));
        assertThat(second.<Integer>path("train.checkpoint.epoch")).isEqualTo(1);
        assertThat(second.<Integer>path("train.checkpoint.sizeBytes")).isEqualTo(500);
        List<String> messages = events(team.slug(), team.viewer(), id).path("message");
        assertThat(messages).anyMatch(m -> m.contains("expired") && m.contains("attempt 2"));
        assertThat(messages).anyMatch(m -> m.contains("Attempt 2 started"));
        worker("heartbeat", id, Map.of("leaseToken", lease)).then().statusCode(409);
    }

    @Test
    void shouldRegisterExactlyOneReadyDjlVersionOnCompletion() {
        Map<String, Object> body = TrainingJobs.request(dataset);
        String output = (String) body.get("outputModel");
        String id = TrainingJobs.create(team.slug(), team.member(), body).path("id");
        String lease = claimJob(id).path("leaseToken");
        byte[] archive = Models.randomBytes(2048);
        Response artifact = upload("artifact", id, lease, archive);
        assertThat(artifact.statusCode()).as(artifact.asString()).isEqualTo(200);
        String sha = artifact.path("sha256");

        Response completed = worker("complete", id, completion(lease, sha, archive.length));
        Response again = worker("complete", id, completion(lease, sha, archive.length));

        assertThat(completed.statusCode()).as(completed.asString()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(409);
        Response job = get(team.slug(), team.viewer(), id);
        assertThat(job.<String>path("status")).isEqualTo("SUCCEEDED");
        assertThat(job.<Integer>path("resultVersion")).isEqualTo(1);
        Response versions =
                as(team.viewer())
                        .get("/api/v1/tenants/{t}/models/{m}/versions", team.slug(), output);
        assertThat(versions.<List<Integer>>path("version")).containsExactly(1);
        assertThat(versions.<String>path("[0].status")).isEqualTo("READY");
        assertThat(versions.<String>path("[0].format")).isEqualTo("DJL");
        assertThat(versions.<String>path("[0].source")).isEqualTo("TRAINING");
        assertThat(versions.<String>path("[0].sha256")).isEqualTo(sha);
        assertThat(versions.<Integer>path("[0].sizeBytes")).isEqualTo(2048);
        assertThat(versions.<String>path("[0].trainingJobId")).isEqualTo(id);
        assertThat(versions.<Float>path("[0].metrics.validationAccuracy")).isEqualTo(0.9f);
        assertThat(versions.<String>path("[0].signature.inputs[0].name")).isEqualTo("features");
        long[] storage = Models.storageCounterAndRecount(em, team.slug());
        assertThat(storage[0]).isEqualTo(storage[1]);
        // The archive is now the version's: deleting the model frees it.
        as(team.member())
                .delete("/api/v1/tenants/{t}/models/{m}", team.slug(), output)
                .then()
                .statusCode(204);
        long[] after = Models.storageCounterAndRecount(em, team.slug());
        assertThat(after[0]).isEqualTo(after[1]).isEqualTo(storage[0] - 2048);
    }

    @Test
    void shouldRefuseCompletionWithAnArtifactThatWasNotUploaded() {
        String id = queue(team.slug(), team.member(), dataset);
        String lease = claimJob(id).path("leaseToken");

        Response completed = worker("complete", id, completion(lease, "a".repeat(64), 10));

        assertThat(completed.statusCode()).isEqualTo(400);
        assertThat(completed.<List<String>>path("errors.field"))
                .contains("training.artifact.sha256");
        assertThat(status(id)).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void shouldFailJobAtClaimWhenTheMonthlyTrainingTimeIsUsedUp() {
        setTrainingQuota(null, 0L);
        String id = queue(team.slug(), team.member(), dataset);

        Response claimed = TrainingJobs.claim("TRAIN");
        // Another class's job whose lease expired meanwhile may come first: fail it, claim again.
        for (int i = 0; i < 20 && claimed.statusCode() == 200; i++) {
            assertThat(claimed.<String>path("jobId")).isNotEqualTo(id);
            TrainingJobs.fail(claimed.path("jobId"), claimed.path("leaseToken"), "not this test's");
            claimed = TrainingJobs.claim("TRAIN");
        }

        assertThat(claimed.statusCode()).isEqualTo(204);
        Response job = get(team.slug(), team.viewer(), id);
        assertThat(job.<String>path("status")).isEqualTo("FAILED");
        assertThat(job.<String>path("error")).contains("monthlyTrainingSeconds");
    }

    @Test
    void shouldMeterTrainingTimeAndLimitTheNextAttemptByTheMonthlyQuota() {
        setTrainingQuota(3, 3600L);
        String id = queue(team.slug(), team.member(), dataset);
        String lease = claimJob(id).path("leaseToken");

        TrainingJobs.backdateMetering(id, 100);
        worker("heartbeat", id, Map.of("leaseToken", lease)).then().statusCode(200);
        Response quota = as(team.viewer()).get("/api/v1/tenants/{t}/quota", team.slug());

        assertThat(quota.<Integer>path("concurrentJobs.limit")).isEqualTo(3);
        assertThat(quota.<Integer>path("concurrentJobs.used")).isEqualTo(1);
        assertThat(quota.<Integer>path("trainingSeconds.limit")).isEqualTo(3600);
        assertThat(quota.<Integer>path("trainingSeconds.used")).isEqualTo(100);
        assertThat(get(team.slug(), team.viewer(), id).<Integer>path("trainingSeconds"))
                .isEqualTo(100);
        TrainingJobs.expireLease(id);
        Response second = claimJob(id);
        assertThat(second.<Integer>path("train.timeLimit.seconds")).isBetween(3400, 3500);
        assertThat(second.<String>path("train.timeLimit.reason"))
                .contains("monthlyTrainingSeconds");
    }

    @Test
    void shouldKeepStorageCountersExactWhenCheckpointsAreReplacedAndReleased() {
        long[] before = Models.storageCounterAndRecount(em, team.slug());
        String id = queue(team.slug(), team.member(), dataset);
        String lease = claimJob(id).path("leaseToken");
        byte[] first = Models.randomBytes(700);

        upload("checkpoint", id, lease, first).then().statusCode(200);
        long[] one = Models.storageCounterAndRecount(em, team.slug());
        upload("checkpoint", id, lease, Models.randomBytes(300)).then().statusCode(200);
        long[] replaced = Models.storageCounterAndRecount(em, team.slug());
        upload("checkpoint", id, lease, first).then().statusCode(200);
        upload("artifact", id, lease, Models.randomBytes(100)).then().statusCode(200);
        long[] withArtifact = Models.storageCounterAndRecount(em, team.slug());
        worker("fail", id, Map.of("leaseToken", lease, "error", "boom", "retryable", false))
                .then()
                .statusCode(204);
        long[] released = Models.storageCounterAndRecount(em, team.slug());

        assertThat(one[0]).isEqualTo(one[1]).isEqualTo(before[0] + 700);
        assertThat(replaced[0]).isEqualTo(replaced[1]).isEqualTo(before[0] + 300);
        assertThat(withArtifact[0]).isEqualTo(withArtifact[1]).isEqualTo(before[0] + 800);
        assertThat(released[0]).isEqualTo(released[1]).isEqualTo(before[0]);
    }

    @Test
    void shouldRefuseAnArtifactPastTheStorageQuotaWith413() {
        long used = Models.storageCounterAndRecount(em, team.slug())[0];
        Map<String, Object> quota = new HashMap<>();
        quota.put("maxStorageBytes", used + 50);
        quota.put("maxModels", 100);
        quota.put("maxDatasets", 100);
        as(TestData.platformAdmin(), "platform-admin")
                .body(quota)
                .put("/api/v1/admin/tenants/{slug}/quota", team.slug())
                .then()
                .statusCode(200);
        String id = queue(team.slug(), team.member(), dataset);
        String lease = claimJob(id).path("leaseToken");

        Response refused = upload("artifact", id, lease, Models.randomBytes(100));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.<String>path("type")).endsWith("/storage-quota-exceeded");
    }

    private void setTrainingQuota(Integer concurrent, Long seconds) {
        TrainingJobs.setTrainingQuota(team.slug(), concurrent, seconds);
    }

    private static Map<String, Object> completion(String lease, String sha, long size) {
        return Map.of(
                "leaseToken",
                lease,
                "training",
                Map.of(
                        "artifact",
                        Map.of("sha256", sha, "sizeBytes", size),
                        "signature",
                        Map.of(
                                "inputs",
                                List.of(
                                        Map.of(
                                                "name",
                                                "features",
                                                "dataType",
                                                "float32",
                                                "shape",
                                                List.of(-1, 4))),
                                "outputs",
                                List.of(Map.of("name", "probabilities"))),
                        "metrics",
                        Map.of("validationAccuracy", 0.9, "validationLoss", 0.3),
                        "classes",
                        List.of("no", "yes"),
                        "epochs",
                        10));
    }
}
