package org.mlplatform.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.TestData.asWorker;
import static org.mlplatform.api.deployment.Deployments.deploy;
import static org.mlplatform.api.deployment.Deployments.inferenceWorker;
import static org.mlplatform.api.deployment.Deployments.readyVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.common.ChangeNotifier;
import org.mlplatform.api.common.ChangeNotifier.Channel;
import org.mlplatform.api.model.Models;
import org.mlplatform.api.worker.WorkerService;

@QuarkusTest
class DeploymentAssignmentsTest {

    @Inject WorkerService workerService;
    @Inject ChangeNotifier notifier;

    @BeforeEach
    void startWithNoLiveInferenceWorker() {
        Deployments.retireInferenceWorkers();
    }

    /** Other tests must not route to the fake workers this class registered. */
    @AfterEach
    void leaveNoLiveInferenceWorker() {
        Deployments.retireInferenceWorkers();
    }

    @Test
    void shouldAssignEachDeploymentToExactlyItsReplicasAmongLiveInferenceWorkers() {
        Team team = TestData.team();
        List<UUID> workers =
                List.of(
                        inferenceWorker("http://a"),
                        inferenceWorker("http://b"),
                        inferenceWorker("http://c"));
        UUID jobsOnly = jobsWorker();
        Map<String, Integer> replicas = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            int wanted = 1 + i % 3;
            replicas.put(deployment(team, wanted), wanted);
        }

        Map<String, List<UUID>> holders = holders(workers);

        assertThat(holders.keySet()).containsAll(replicas.keySet());
        replicas.forEach((id, wanted) -> assertThat(holders.get(id)).as(id).hasSize(wanted));
        assertThat(assigned(jobsOnly).getList("$")).isEmpty();
    }

    @Test
    void shouldMoveAssignmentsOfAWorkerThatStopsHeartbeating() {
        Team team = TestData.team();
        List<UUID> workers = List.of(inferenceWorker("http://a"), inferenceWorker("http://b"));
        String id = deployment(team, 1);
        UUID holder = holders(workers).get(id).get(0);
        UUID other = workers.get(0).equals(holder) ? workers.get(1) : workers.get(0);

        Deployments.retire(holder);

        assertThat(assigned(holder).getList("$")).isEmpty();
        assertThat(assigned(other).getList("id", String.class)).contains(id);
    }

    @Test
    void shouldDescribeTheAssignmentForTheWorker() {
        Team team = TestData.team();
        UUID worker = inferenceWorker("http://a");
        String model = Models.create(team.slug(), team.member());
        int version = readyVersion(team.slug(), team.member(), model);
        String id =
                deploy(team.slug(), team.member(), model, version, Map.of("maxBatchSize", 4))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        JsonPath one =
                asWorker()
                        .get("/internal/v1/deployments/{id}", id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();

        assertThat(one.getString("tenant")).isEqualTo(team.slug());
        assertThat(one.getString("model")).isEqualTo(model);
        assertThat(one.getInt("version")).isEqualTo(version);
        assertThat(one.getString("format")).isEqualTo("ONNX");
        assertThat(one.getString("artifact.sha256")).hasSize(64);
        assertThat(one.getLong("artifact.sizeBytes")).isEqualTo(64);
        assertThat(one.getString("signature.inputs[0].name")).isEqualTo("input");
        assertThat(one.getBoolean("trained")).isFalse();
        assertThat(one.getInt("maxBatchSize")).isEqualTo(4);
        assertThat(one.getInt("maxBatchDelayMs")).isEqualTo(2);
        assertThat(assigned(worker).getList("id", String.class)).contains(id);
    }

    @Test
    void shouldAnswerAWatchingWorkerAsSoonAsADeploymentIsAssignedToIt() throws Exception {
        Team team = TestData.team();
        UUID worker = inferenceWorker("http://a");
        String tag = asWorker().get("/internal/v1/workers/{w}/deployments", worker).header("ETag");
        long generation = notifier.generation(Channel.DEPLOYMENTS);
        Instant asked = Instant.now();
        CompletableFuture<Response> watching =
                CompletableFuture.supplyAsync(() -> watch(worker, tag, 30));

        String id = deployment(team, 1);
        Response answer = watching.get(20, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getList("id", String.class)).contains(id);
        assertThat(answer.header("ETag")).isNotBlank().isNotEqualTo(tag);
        // Long before the wait's end: the creation was announced (NOTIFY), not waited out.
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(notifier.generation(Channel.DEPLOYMENTS)).isGreaterThan(generation);
    }

    @Test
    void shouldAnswerAWatchWith304WhenItsListStaysAsItWas() throws Exception {
        Team team = TestData.team();
        List<UUID> workers = List.of(inferenceWorker("http://a"), inferenceWorker("http://b"));
        String id = deployment(team, 1);
        UUID holder = holders(workers).get(id).get(0);
        UUID other = workers.get(0).equals(holder) ? workers.get(1) : workers.get(0);
        String tag = asWorker().get("/internal/v1/workers/{w}/deployments", other).header("ETag");

        // Nothing changes: the same tag, after the wait.
        awaitQuiet();
        Instant asked = Instant.now();
        Response unchanged = watch(other, tag, 1);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.header("ETag")).isEqualTo(tag);
        assertThat(Duration.between(asked, Instant.now())).isGreaterThan(Duration.ofMillis(900));

        // A change to a deployment it does not hold: 304 at once, so it can look at the
        // deployments it serves without holding them (a failover's).
        CompletableFuture<Response> watching =
                CompletableFuture.supplyAsync(() -> watch(other, tag, 30));
        asked = Instant.now();
        scale(team, id, Map.of("maxBatchSize", 16));
        Response announced = watching.get(20, TimeUnit.SECONDS);
        assertThat(announced.statusCode()).isEqualTo(304);
        assertThat(announced.header("ETag")).isEqualTo(tag);
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));

        // The holder, watching its own list, gets the new batching at once.
        String holderTag =
                asWorker().get("/internal/v1/workers/{w}/deployments", holder).header("ETag");
        CompletableFuture<Response> holderWatch =
                CompletableFuture.supplyAsync(() -> watch(holder, holderTag, 30));
        scale(team, id, Map.of("maxBatchSize", 32));
        Response changed = holderWatch.get(20, TimeUnit.SECONDS);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.jsonPath().getInt("find { it.id == '" + id + "' }.maxBatchSize"))
                .isEqualTo(32);
    }

    @Test
    void shouldRefuseAWatchLongerThanAMinute() {
        UUID worker = inferenceWorker("http://a");
        Response answer = watch(worker, "\"x\"", 61);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.<String>path("errors[0].field")).contains("waitSeconds");
    }

    @Test
    void shouldAnswer404ForUnknownWorkerOrDeployment() {
        UUID worker = inferenceWorker("http://a");
        UUID unknown = UUID.randomUUID();
        asWorker().get("/internal/v1/workers/{w}/deployments", unknown).then().statusCode(404);
        asWorker().get("/internal/v1/deployments/{id}", unknown).then().statusCode(404);
        asWorker()
                .body(Map.of("status", "READY"))
                .put("/internal/v1/deployments/{id}/replicas/{w}", unknown, worker)
                .then()
                .statusCode(404);
        String id = deployment(TestData.team(), 1);
        asWorker()
                .body(Map.of("status", "READY"))
                .put("/internal/v1/deployments/{id}/replicas/{w}", id, unknown)
                .then()
                .statusCode(404);
        asWorker()
                .body(Map.of("failureReason", "no status"))
                .put("/internal/v1/deployments/{id}/replicas/{w}", id, worker)
                .then()
                .statusCode(400);
    }

    @Test
    void shouldAggregateReplicaReportsIntoTheDeploymentStatus() {
        Team team = TestData.team();
        UUID a = inferenceWorker("http://a");
        UUID b = inferenceWorker("http://b");
        String id = deployment(team, 2);

        report(id, a, Map.of("status", "FAILED", "failureReason", "out of memory"));
        report(id, b, Map.of("status", "PENDING"));
        assertThat(status(team, id).getString("status")).isEqualTo("PENDING");

        report(id, b, Map.of("status", "FAILED", "failureReason", "bad artifact"));
        JsonPath failed = status(team, id);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("failureReason")).isEqualTo("out of memory");
        assertThat(failed.getString("readyAt")).isNull();

        report(id, a, Map.of("status", "READY", "loadMillis", 120));
        JsonPath ready = status(team, id);
        assertThat(ready.getString("status")).isEqualTo("READY");
        assertThat(ready.getString("failureReason")).isNull();
        assertThat(ready.getString("readyAt")).isNotNull();
        assertThat(ready.getList("replicaStatus")).hasSize(2);
        assertThat(ready.getList("replicaStatus.status", String.class))
                .containsExactlyInAnyOrder("READY", "FAILED");
        assertThat(ready.getList("replicaStatus.loadMillis", Integer.class)).contains(120);

        String readyAt = ready.getString("readyAt");
        report(id, a, Map.of("status", "PENDING"));
        report(id, a, Map.of("status", "READY", "loadMillis", 90));
        assertThat(status(team, id).getString("readyAt")).isEqualTo(readyAt);
    }

    @Test
    void shouldIgnoreReportsOfWorkersThatStoppedHeartbeating() {
        Team team = TestData.team();
        UUID a = inferenceWorker("http://a");
        String id = deployment(team, 1);
        report(id, a, Map.of("status", "READY", "loadMillis", 5));

        Deployments.retire(a);

        assertThat(status(team, id).getString("status")).isEqualTo("PENDING");
    }

    @Test
    void shouldForgetReportsOfAWorkerThatRegistersAgainWithoutServing() {
        Team team = TestData.team();
        String name = TestData.unique("inf");
        UUID a = register(name, List.of("INFERENCE"), "tok-" + UUID.randomUUID());
        String id = deployment(team, 1);
        report(id, a, Map.of("status", "READY", "loadMillis", 5));
        assertThat(status(team, id).getString("status")).isEqualTo("READY");

        assertThat(register(name, List.of("JOBS"), null)).isEqualTo(a);

        JsonPath after = status(team, id);
        assertThat(after.getString("status")).isEqualTo("PENDING");
        assertThat(after.getList("replicaStatus")).isEmpty();
    }

    @Test
    void shouldAssignMoreWorkersWhenReplicasGoUpAndForgetTheDroppedOnesWhenTheyGoDown() {
        Team team = TestData.team();
        List<UUID> workers =
                List.of(
                        inferenceWorker("http://a"),
                        inferenceWorker("http://b"),
                        inferenceWorker("http://c"));
        String id = deployment(team, 1);
        UUID first = holders(workers).get(id).get(0);
        report(id, first, Map.of("status", "READY", "loadMillis", 5));

        scale(team, id, Map.of("replicas", 3, "maxBatchSize", 16));

        assertThat(holders(workers).get(id)).containsExactlyInAnyOrderElementsOf(workers);
        assertThat(assigned(first).getList("findAll { it.id == '" + id + "' }.maxBatchSize"))
                .containsExactly(16);
        for (UUID w : workers) {
            report(id, w, Map.of("status", "READY", "loadMillis", 5));
        }
        assertThat(status(team, id).getList("replicaStatus")).hasSize(3);

        scale(team, id, Map.of("replicas", 1));

        List<UUID> kept = holders(workers).get(id);
        assertThat(kept).containsExactly(first);
        JsonPath after = status(team, id);
        assertThat(after.getString("status")).isEqualTo("READY");
        assertThat(after.getList("replicaStatus")).hasSize(1);
    }

    @Test
    void shouldForgetTheReportOfAWorkerThatWithdrawsIt() {
        Team team = TestData.team();
        UUID a = inferenceWorker("http://a");
        UUID b = inferenceWorker("http://b");
        String id = deployment(team, 2);
        report(id, a, Map.of("status", "READY", "loadMillis", 5));
        report(id, b, Map.of("status", "READY", "loadMillis", 5));

        withdraw(id, a);
        withdraw(id, a); // again: nothing to forget, still 204

        JsonPath after = status(team, id);
        assertThat(after.getString("status")).isEqualTo("READY");
        assertThat(after.getList("replicaStatus")).hasSize(1);
        withdraw(id, b);
        assertThat(status(team, id).getString("status")).isEqualTo("PENDING");
        as(team.member())
                .delete("/internal/v1/deployments/{id}/replicas/{w}", id, a)
                .then()
                .statusCode(403);
    }

    @Test
    void shouldDropAWorkerThatSignedOffFromTheLiveOnes() {
        UUID a = inferenceWorker("http://a");
        assertThat(liveInferenceWorkers()).contains(a);

        workerService.signOff(a);

        assertThat(liveInferenceWorkers()).doesNotContain(a);
        assertThat(assigned(a).getList("id")).isEmpty();
    }

    private List<UUID> liveInferenceWorkers() {
        return workerService.liveInferenceWorkers().stream().map(w -> w.id).toList();
    }

    private static UUID register(String name, List<String> roles, String token) {
        Map<String, Object> body =
                new HashMap<>(Map.of("name", name, "url", "http://w", "roles", roles));
        if (token != null) {
            body.put("inferenceToken", token);
        }
        return UUID.fromString(
                asWorker()
                        .body(body)
                        .post("/internal/v1/workers/register")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("id"));
    }

    private static String deployment(Team team, int replicas) {
        String model = Models.create(team.slug(), team.member());
        return deploy(
                        team.slug(),
                        team.member(),
                        model,
                        readyVersion(team.slug(), team.member(), model),
                        Map.of("replicas", replicas))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void scale(Team team, String id, Map<String, Object> change) {
        as(team.member())
                .body(change)
                .patch("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(200);
    }

    private static Map<String, List<UUID>> holders(List<UUID> workers) {
        Map<String, List<UUID>> holders = new HashMap<>();
        for (UUID w : workers) {
            for (String id : assigned(w).getList("id", String.class)) {
                holders.computeIfAbsent(id, k -> new ArrayList<>()).add(w);
            }
        }
        return holders;
    }

    /** Until the announcements of what the test did before have all been heard. */
    private void awaitQuiet() throws InterruptedException {
        long seen;
        do {
            seen = notifier.generation(Channel.DEPLOYMENTS);
            Thread.sleep(300);
        } while (seen != notifier.generation(Channel.DEPLOYMENTS));
    }

    private static Response watch(UUID worker, String tag, int waitSeconds) {
        return asWorker()
                .header("If-None-Match", tag)
                .queryParam("waitSeconds", waitSeconds)
                .get("/internal/v1/workers/{w}/deployments", worker);
    }

    private static JsonPath assigned(UUID worker) {
        return asWorker()
                .get("/internal/v1/workers/{w}/deployments", worker)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void report(String id, UUID worker, Map<String, Object> report) {
        asWorker()
                .body(report)
                .put("/internal/v1/deployments/{id}/replicas/{w}", id, worker)
                .then()
                .statusCode(204);
    }

    private static void withdraw(String id, UUID worker) {
        asWorker()
                .delete("/internal/v1/deployments/{id}/replicas/{w}", id, worker)
                .then()
                .statusCode(204);
    }

    private static JsonPath status(Team team, String id) {
        return as(team.viewer())
                .get("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static UUID jobsWorker() {
        String id =
                asWorker()
                        .body(Map.of("name", TestData.unique("jobs"), "url", "http://j"))
                        .post("/internal/v1/workers/register")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("id");
        return UUID.fromString(id);
    }
}
