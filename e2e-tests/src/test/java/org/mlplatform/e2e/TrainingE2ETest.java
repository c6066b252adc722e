package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.Platform.as;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Training on the packaged platform with the real worker: a job learns, is cancelled, and survives
 * its worker being killed.
 */
@Tag("e2e")
@Order(4)
class TrainingE2ETest {

    @Test
    void shouldTrainAnMlpAndRegisterAReadyVersionWithItsMetrics() {
        String dataset = uploadCsv(Platform.unique("blobs"), 600);
        String model = Platform.unique("blob-classifier");

        String job = submit(dataset, model, 5, 32);
        JsonPath done = awaitStatus(job, "SUCCEEDED", Duration.ofMinutes(3));

        assertThat(epochsOf(events(job))).containsExactly(1, 2, 3, 4, 5);
        int version = done.getInt("resultVersion");
        JsonPath registered =
                as("alice")
                        .get("/api/v1/tenants/acme/models/" + model + "/versions/" + version)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(registered.getString("status")).isEqualTo("READY");
        assertThat(registered.getString("format")).isEqualTo("DJL");
        assertThat(registered.getString("source")).isEqualTo("TRAINING");
        assertThat(registered.getString("trainingJobId")).isEqualTo(job);
        assertThat(registered.getDouble("metrics.validationAccuracy")).isGreaterThan(0.8);
    }

    @Test
    void shouldCancelARunningJobWithinOneHeartbeat() {
        String dataset = uploadCsv(Platform.unique("big-blobs"), 60_000);
        String job = submit(dataset, Platform.unique("cancelled"), 200, 16);
        awaitStatus(job, "RUNNING", Duration.ofMinutes(2));

        Instant asked = Instant.now();
        as("alice")
                .post("/api/v1/tenants/acme/training-jobs/" + job + "/cancel")
                .then()
                .statusCode(200);
        awaitStatus(job, "CANCELLED", Duration.ofSeconds(30));

        // The lease lasts 30 s and heartbeats go every third of it.
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(12));
    }

    @Test
    void shouldResumeFromItsCheckpointWhenTheWorkerIsKilled() throws Exception {
        String dataset = uploadCsv(Platform.unique("resumed-blobs"), 60_000);
        String model = Platform.unique("resumed");
        String job = submit(dataset, model, 4, 16);

        Platform.await(
                "the first checkpoint of job " + job,
                Duration.ofMinutes(3),
                () -> events(job).stream().anyMatch(e -> "CHECKPOINT".equals(e.get("type"))));
        killWorker();
        restartWorker();

        JsonPath done = awaitStatus(job, "SUCCEEDED", Duration.ofMinutes(4));
        assertThat(done.getInt("attempt")).isEqualTo(2);
        List<Map<String, Object>> events = events(job);
        int firstEpochOfAttempt2 =
                events.stream()
                        .filter(e -> "EPOCH".equals(e.get("type")))
                        .filter(e -> ((Number) e.get("attempt")).intValue() == 2)
                        .map(TrainingE2ETest::epochOf)
                        .findFirst()
                        .orElseThrow();
        assertThat(firstEpochOfAttempt2)
                .as("attempt 2 resumes after the checkpoint instead of starting again")
                .isGreaterThan(1);
        List<Object> versions =
                as("alice")
                        .get("/api/v1/tenants/acme/models/" + model + "/versions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items");
        assertThat(versions).as("exactly one result version").hasSize(1);
    }

    /** kill -9 of the worker's JVM: no shutdown hook runs, the lease simply expires. */
    private static void killWorker() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(Platform.DATA.resolve("run/worker.pid")).trim());
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        Platform.await(
                "the worker process to be gone",
                Duration.ofSeconds(10),
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    private static void restartWorker() throws IOException, InterruptedException {
        ProcessBuilder restart =
                new ProcessBuilder(
                                Platform.ROOT.resolve("platform").toString(), "restart", "worker")
                        .inheritIO();
        restart.environment().put("PLATFORM_DATA", Platform.DATA.toString());
        assertThat(restart.start().waitFor()).isZero();
    }

    /**
     * Two Gaussian blobs per class in three numeric features plus a categorical one: learnable to
     * well above chance, and big enough at 60,000 rows that an epoch takes seconds.
     */
    static String uploadCsv(String name, int rows) {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("x1,x2,x3,colour,label\n");
        String[] labels = {"red", "green", "blue"};
        for (int i = 0; i < rows; i++) {
            int c = random.nextInt(3);
            csv.append(
                    String.format(
                            "%.4f,%.4f,%.4f,%s,%s%n",
                            c * 2 + random.nextGaussian() * 0.6,
                            (c == 1 ? 3 : 0) + random.nextGaussian() * 0.6,
                            random.nextGaussian(),
                            random.nextBoolean() ? "round" : "square",
                            labels[c]));
        }
        as("alice")
                .contentType("application/octet-stream")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/tenants/acme/datasets?name=" + name + "&format=csv")
                .then()
                .statusCode(201);
        return name;
    }

    static String submit(String dataset, String model, int epochs, int batchSize) {
        Map<String, Object> request =
                Map.of(
                        "dataset",
                        dataset,
                        "task",
                        "classification",
                        "labelColumn",
                        "label",
                        "architecture",
                        Map.of("type", "mlp", "hiddenLayers", List.of(32, 16)),
                        "hyperparameters",
                        Map.of("epochs", epochs, "batchSize", batchSize, "seed", 7),
                        "outputModel",
                        model);
        return as("alice")
                .body(request)
                .post("/api/v1/tenants/acme/training-jobs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static JsonPath awaitStatus(String job, String status, Duration limit) {
        JsonPath[] last = new JsonPath[1];
        Platform.await(
                "job " + job + " to be " + status,
                limit,
                () -> {
                    last[0] =
                            as("alice")
                                    .get("/api/v1/tenants/acme/training-jobs/" + job)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath();
                    String now = last[0].getString("status");
                    if (!now.equals(status)
                            && List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(now)) {
                        throw new AssertionError(
                                "job " + job + " ended " + now + ": " + last[0].getString("error"));
                    }
                    return now.equals(status);
                });
        return last[0];
    }

    static List<Map<String, Object>> events(String job) {
        return as("alice")
                .get("/api/v1/tenants/acme/training-jobs/" + job + "/events?limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static List<Integer> epochsOf(List<Map<String, Object>> events) {
        return events.stream()
                .filter(e -> "EPOCH".equals(e.get("type")))
                .map(TrainingE2ETest::epochOf)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static int epochOf(Map<String, Object> event) {
        return ((Number) ((Map<String, Object>) event.get("metrics")).get("epoch")).intValue();
    }
}
