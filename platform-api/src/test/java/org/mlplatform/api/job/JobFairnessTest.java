package org.mlplatform.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.model.Models;
import org.mlplatform.api.training.TrainingJobs;
import org.mlplatform.contract.job.JobStatus;

/** Claims are fair between tenants and respect suspension and maxConcurrentJobs. */
@QuarkusTest
class JobFairnessTest {

    @BeforeEach
    @AfterEach
    void emptyQueue() {
        Models.drainQueue();
    }

    @Test
    void shouldNotStarveATenantsSingleJobBehindAnotherTenantsHundred() {
        String busy = TestData.tenant(TestData.user("busy"));
        String quiet = TestData.tenant(TestData.user("quiet"));
        Noops.enqueue(Models.tenantId(busy), 100);
        UUID single = Noops.enqueue(Models.tenantId(quiet), 1).get(0);

        Response first = TrainingJobs.claim("NOOP");
        Response second = TrainingJobs.claim("NOOP");

        assertThat(List.of(first.<String>path("tenant"), second.<String>path("tenant")))
                .containsExactlyInAnyOrder(busy, quiet);
        assertThat(List.of(first.<String>path("jobId"), second.<String>path("jobId")))
                .contains(single.toString());
        failAll(first, second);
    }

    @Test
    void shouldCompleteNoopJobsWithoutTouchingAnythingElse() {
        String slug = TestData.tenant(TestData.user("noop"));
        UUID id = Noops.enqueue(Models.tenantId(slug), 1).get(0);

        Response claimed = TrainingJobs.claim("NOOP");
        Response completed =
                TrainingJobs.worker(
                        "complete",
                        id.toString(),
                        Map.of("leaseToken", claimed.path("leaseToken")));

        assertThat(claimed.<String>path("kind")).isEqualTo("NOOP");
        assertThat(claimed.<Object>path("train")).isNull();
        assertThat(claimed.<Object>path("validateModel")).isNull();
        assertThat(completed.statusCode()).isEqualTo(204);
        assertThat(TrainingJobs.status(id.toString())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> JobEvent.count("jobId", id)))
                .isZero();
    }

    @Test
    void shouldNotClaimJobsOfASuspendedTenant() {
        String owner = TestData.user("susp");
        String slug = TestData.tenant(owner);
        UUID id = Noops.enqueue(Models.tenantId(slug), 1).get(0);
        String admin = TestData.platformAdmin();
        setStatus(admin, slug, "SUSPENDED");

        Response whileSuspended = TrainingJobs.claim("NOOP");
        setStatus(admin, slug, "ACTIVE");
        Response afterwards = TrainingJobs.claim("NOOP");

        assertThat(whileSuspended.statusCode()).isEqualTo(204);
        assertThat(afterwards.<String>path("jobId")).isEqualTo(id.toString());
        failAll(afterwards);
    }

    @Test
    void shouldHoldASecondTrainJobUntilTheFirstFinishesUnderMaxConcurrentJobs() {
        TestData.Team team = TestData.team();
        TrainingJobs.setConcurrency(team.slug(), 1);
        String dataset = TrainingJobs.dataset(team.slug(), team.member());
        String first = TrainingJobs.queue(team.slug(), team.member(), dataset);
        String second = TrainingJobs.queue(team.slug(), team.member(), dataset);

        Response claimed = TrainingJobs.claim("TRAIN");
        Response held = TrainingJobs.claim("TRAIN", "NOOP");
        TrainingJobs.worker(
                        "fail",
                        first,
                        Map.of(
                                "leaseToken",
                                claimed.path("leaseToken"),
                                "error",
                                "done",
                                "retryable",
                                false))
                .then()
                .statusCode(204);
        Response next = TrainingJobs.claim("TRAIN");

        assertThat(claimed.<String>path("jobId")).isEqualTo(first);
        assertThat(held.statusCode()).isEqualTo(204);
        assertThat(next.<String>path("jobId")).isEqualTo(second);
        failAll(next);
    }

    @Test
    void shouldGrantExactlyTheConcurrencyLimitToSimultaneousClaims() throws Exception {
        TestData.Team team = TestData.team();
        TrainingJobs.setConcurrency(team.slug(), 1);
        String dataset = TrainingJobs.dataset(team.slug(), team.member());
        for (int i = 0; i < 6; i++) {
            TrainingJobs.queue(team.slug(), team.member(), dataset);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claims.add(
                    pool.submit(
                            () -> {
                                start.await();
                                return TrainingJobs.claim("TRAIN");
                            }));
        }

        start.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> claim : claims) {
            answers.add(claim.get());
        }
        pool.shutdown();
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();

        assertThat(statuses).containsOnly(200, 204);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(
                        as(team.viewer())
                                .get("/api/v1/tenants/{t}/quota", team.slug())
                                .<Integer>path("concurrentJobs.used"))
                .isEqualTo(1);
        failAll(answers.toArray(Response[]::new));
    }

    @Test
    void shouldClaimTheNextJobInTheSameCallThatCompletesOne() {
        String slug = TestData.tenant(TestData.user("chained"));
        List<UUID> ids = Noops.enqueue(Models.tenantId(slug), 2);
        Map<String, Object> next =
                Map.of("workerId", TrainingJobs.WORKER, "kinds", List.of("NOOP"));

        Response first = TrainingJobs.claim("NOOP");
        Response chained =
                TrainingJobs.worker(
                        "complete",
                        first.<String>path("jobId"),
                        Map.of("leaseToken", first.<String>path("leaseToken"), "next", next));
        Response last =
                TrainingJobs.worker(
                        "complete",
                        chained.<String>path("jobId"),
                        Map.of("leaseToken", chained.<String>path("leaseToken"), "next", next));
        Response stale =
                TrainingJobs.worker(
                        "complete",
                        chained.<String>path("jobId"),
                        Map.of("leaseToken", chained.<String>path("leaseToken"), "next", next));

        assertThat(chained.statusCode()).isEqualTo(200);
        assertThat(List.of(first.<String>path("jobId"), chained.<String>path("jobId")))
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
        assertThat(last.statusCode()).as("nothing left to claim").isEqualTo(204);
        assertThat(stale.statusCode()).isEqualTo(409);
        for (UUID id : ids) {
            assertThat(TrainingJobs.status(id.toString())).isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    /**
     * Ends the jobs these claims got FAILED (204 answers are skipped), so that no lease of this
     * class expires later and puts a job back in the queue under another test's claims.
     */
    private static void failAll(Response... claims) {
        for (Response claim : claims) {
            if (claim.statusCode() == 200) {
                TrainingJobs.fail(
                        claim.path("jobId"), claim.path("leaseToken"), "ended by the test");
            }
        }
    }

    private static void setStatus(String admin, String slug, String status) {
        as(admin, "platform-admin")
                .body(Map.of("status", status))
                .patch("/api/v1/admin/tenants/{t}", slug)
                .then()
                .statusCode(200);
    }
}
