package org.mlplatform.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.model.Models;
import org.mlplatform.api.training.TrainingJobs;
import org.mlplatform.contract.job.JobStatus;

/** POST /internal/v1/jobs/batch: completions and claims of many jobs in one call. */
@QuarkusTest
class JobBatchTest {

    @BeforeEach
    @AfterEach
    void emptyQueue() {
        Models.drainQueue();
    }

    @Test
    void shouldShareABatchBetweenTenantsAsSingleClaimsWould() {
        String busy = TestData.tenant(TestData.user("bbusy"));
        String quiet = TestData.tenant(TestData.user("bquiet"));
        List<UUID> busyJobs = Noops.enqueue(Models.tenantId(busy), 100);
        List<UUID> quietJobs = Noops.enqueue(Models.tenantId(quiet), 2);

        Response claimed = batch(List.of(), 6, "NOOP");

        List<Map<String, Object>> jobs = claimed.path("jobs");
        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(jobs).hasSize(6);
        assertThat(jobs.stream().map(j -> j.get("jobId")).distinct()).hasSize(6);
        assertThat(jobs.stream().map(j -> j.get("leaseToken")).distinct()).hasSize(6);
        assertThat(jobs.stream().map(j -> (String) j.get("jobId")))
                .containsAll(quietJobs.stream().map(UUID::toString).toList());
        assertThat(jobs.stream().filter(j -> busy.equals(j.get("tenant")))).hasSize(4);
        // The busy tenant's oldest jobs, in queue order.
        assertThat(
                        jobs.stream()
                                .filter(j -> busy.equals(j.get("tenant")))
                                .map(j -> (String) j.get("jobId")))
                .containsExactlyElementsOf(
                        busyJobs.subList(0, 4).stream().map(UUID::toString).toList());
        for (Map<String, Object> job : jobs) {
            assertThat(TrainingJobs.status((String) job.get("jobId"))).isEqualTo(JobStatus.RUNNING);
        }
        failAll(jobs);
    }

    @Test
    void shouldReportARefusedCompletionAndKeepTheOthers() {
        String slug = TestData.tenant(TestData.user("bmixed"));
        Noops.enqueue(Models.tenantId(slug), 5);
        List<Map<String, Object>> first = batch(List.of(), 3, "NOOP").path("jobs");
        List<Map<String, Object>> done = new ArrayList<>();
        done.add(completion(first.get(0), first.get(0).get("leaseToken")));
        done.add(completion(first.get(1), UUID.randomUUID().toString()));
        done.add(completion(first.get(2), first.get(2).get("leaseToken")));
        String unknown = UUID.randomUUID().toString();
        done.add(Map.of("jobId", unknown, "leaseToken", UUID.randomUUID().toString()));

        Response answer = batch(done, 5, "NOOP");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.<List<String>>path("completed"))
                .containsExactly(
                        (String) first.get(0).get("jobId"), (String) first.get(2).get("jobId"));
        assertThat(answer.<List<String>>path("rejected.jobId"))
                .containsExactly((String) first.get(1).get("jobId"), unknown);
        assertThat(answer.<List<Integer>>path("rejected.status")).containsExactly(409, 404);
        assertThat(answer.<List<String>>path("jobs.jobId")).hasSize(2);
        assertThat(TrainingJobs.status((String) first.get(0).get("jobId")))
                .isEqualTo(JobStatus.SUCCEEDED);
        assertThat(TrainingJobs.status((String) first.get(1).get("jobId")))
                .as("a stale token leaves the job with its lease holder")
                .isEqualTo(JobStatus.RUNNING);
        assertThat(TrainingJobs.status((String) first.get(2).get("jobId")))
                .isEqualTo(JobStatus.SUCCEEDED);

        Response again = batch(List.of(done.get(0)), 0);
        assertThat(again.<List<Integer>>path("rejected.status"))
                .as("a job completes once")
                .containsExactly(409);
        failAll(List.of(first.get(1)));
        failAll(answer.path("jobs"));
    }

    @Test
    void shouldNotStartMoreTrainJobsInABatchThanMaxConcurrentJobs() {
        TestData.Team team = TestData.team();
        TrainingJobs.setConcurrency(team.slug(), 2);
        String dataset = TrainingJobs.dataset(team.slug(), team.member());
        for (int i = 0; i < 4; i++) {
            TrainingJobs.queue(team.slug(), team.member(), dataset);
        }
        List<UUID> noops = Noops.enqueue(Models.tenantId(team.slug()), 3);

        Response claimed = batch(List.of(), 5, "TRAIN", "NOOP");

        assertThat(claimed.<List<String>>path("jobs.kind"))
                .containsExactlyInAnyOrder("TRAIN", "TRAIN", "NOOP", "NOOP", "NOOP");
        assertThat(claimed.<List<String>>path("jobs.jobId"))
                .containsAll(noops.stream().map(UUID::toString).toList());
        assertThat(
                        as(team.viewer())
                                .get("/api/v1/tenants/{t}/quota", team.slug())
                                .<Integer>path("concurrentJobs.used"))
                .isEqualTo(2);
        Response full = batch(List.of(), 5, "TRAIN");
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.<List<Object>>path("jobs")).as("the tenant is at its limit").isEmpty();
        failAll(claimed.path("jobs"));
    }

    @Test
    void shouldRefuseABatchThatClaimsWithoutKindsOrAsksTooMuch() {
        Response noKinds = batch(List.of(), 2);
        Response tooMany = batch(List.of(), 101, "NOOP");

        assertThat(noKinds.statusCode()).isEqualTo(400);
        assertThat(noKinds.contentType()).startsWith("application/problem+json");
        assertThat(noKinds.<List<String>>path("errors.field")).containsExactly("kinds");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.<List<String>>path("errors.field").toString()).contains("claim");
    }

    /**
     * Ends claimed jobs FAILED, so that no lease of this class expires later and puts a job back in
     * the queue under another test's claims.
     */
    private static void failAll(List<Map<String, Object>> jobs) {
        for (Map<String, Object> job : jobs) {
            TrainingJobs.fail(
                    (String) job.get("jobId"), (String) job.get("leaseToken"), "ended by the test");
        }
    }

    private static Map<String, Object> completion(Map<String, Object> job, Object leaseToken) {
        return Map.of("jobId", job.get("jobId"), "leaseToken", leaseToken);
    }

    private static Response batch(List<Map<String, Object>> completed, int claim, String... kinds) {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", TrainingJobs.WORKER);
        body.put("kinds", List.of(kinds));
        body.put("completed", completed);
        body.put("claim", claim);
        body.put("waitSeconds", 0);
        return TestData.asWorker().body(body).post("/internal/v1/jobs/batch");
    }
}
