package org.mlplatform.api.training;

import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.TestData.asWorker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlplatform.api.TestData;
import org.mlplatform.api.dataset.Datasets;
import org.mlplatform.api.job.Job;
import org.mlplatform.contract.job.JobStatus;

/** Test helpers for training jobs: a CSV that fits, job requests, and a fake worker's calls. */
public final class TrainingJobs {

    public static final String WORKER = "00000000-0000-0000-0000-0000000000c1";

    private TrainingJobs() {}

    /**
     * Columns: x1, x2 NUMERIC; color CATEGORICAL; note TEXT (a value past the category length);
     * label CATEGORICAL (yes/no); price NUMERIC.
     */
    public static String csv() {
        StringBuilder csv = new StringBuilder("x1,x2,color,note,label,price\n");
        String longNote = "n".repeat(300);
        for (int i = 0; i < 20; i++) {
            csv.append(i)
                    .append(',')
                    .append(i * 0.5)
                    .append(',')
                    .append(i % 3 == 0 ? "red" : "blue")
                    .append(',')
                    .append(i == 0 ? longNote : "short")
                    .append(',')
                    .append(i % 2 == 0 ? "yes" : "no")
                    .append(',')
                    .append(10 + i)
                    .append('\n');
        }
        return csv.toString();
    }

    /** Uploads {@link #csv()} and returns the dataset's name. */
    public static String dataset(String slug, String user) {
        String name = TestData.unique("d");
        Datasets.uploadCsv(slug, user, name, csv()).then().statusCode(201);
        return name;
    }

    /** A minimal classification request; change what a test needs. */
    public static Map<String, Object> request(String dataset) {
        Map<String, Object> body = new HashMap<>();
        body.put("dataset", dataset);
        body.put("task", "classification");
        body.put("labelColumn", "label");
        body.put("architecture", Map.of("type", "mlp"));
        body.put("outputModel", TestData.unique("out"));
        return body;
    }

    public static Response create(String slug, String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/v1/tenants/{t}/training-jobs", slug);
    }

    /** Queues a job on the dataset and returns its id. */
    public static String queue(String slug, String user, String dataset) {
        return create(slug, user, request(dataset)).then().statusCode(201).extract().path("id");
    }

    public static Response get(String slug, String user, String id) {
        return as(user).get("/api/v1/tenants/{t}/training-jobs/{id}", slug, id)
                .then()
                .extract()
                .response();
    }

    public static Response events(String slug, String user, String id) {
        return as(user).get("/api/v1/tenants/{t}/training-jobs/{id}/events", slug, id)
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    /** Sets the tenant's quota with {@code maxConcurrentJobs} = {@code limit}. */
    public static void setConcurrency(String slug, int limit) {
        setTrainingQuota(slug, limit, null);
    }

    /** Sets the tenant's quota with these training limits (null: none) and room for the rest. */
    public static void setTrainingQuota(String slug, Integer concurrentJobs, Long trainingSeconds) {
        Map<String, Object> quota = new HashMap<>();
        quota.put("maxStorageBytes", 1L << 30);
        quota.put("maxModels", 100);
        quota.put("maxDatasets", 100);
        quota.put("maxConcurrentJobs", concurrentJobs);
        quota.put("monthlyTrainingSeconds", trainingSeconds);
        as(TestData.platformAdmin(), "platform-admin")
                .body(quota)
                .put("/api/v1/admin/tenants/{slug}/quota", slug)
                .then()
                .statusCode(200);
    }

    public static Response claim(String... kinds) {
        return asWorker()
                .body(Map.of("workerId", WORKER, "kinds", List.of(kinds), "waitSeconds", 0))
                .post("/internal/v1/jobs/claim");
    }

    /** Ends a leased job FAILED, not retryable (204). */
    public static void fail(String id, String leaseToken, String error) {
        worker("fail", id, Map.of("leaseToken", leaseToken, "error", error, "retryable", false))
                .then()
                .statusCode(204);
    }

    /** Claims TRAIN jobs until the given one comes; fails the others. */
    public static Response claimJob(String id) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            Response claimed = claim("TRAIN");
            if (claimed.statusCode() == 200 && id.equals(claimed.path("jobId"))) {
                return claimed;
            }
            if (claimed.statusCode() == 200) {
                fail(claimed.path("jobId"), claimed.path("leaseToken"), "not mine");
            }
        }
        throw new AssertionError("job " + id + " was not claimed in time");
    }

    /** POST /internal/v1/jobs/{id}/{action} with a JSON body. */
    public static Response worker(String action, String id, Object body) {
        return asWorker().body(body).post("/internal/v1/jobs/{id}/" + action, id);
    }

    public static Response upload(String action, String id, String leaseToken, byte[] bytes) {
        return asWorker()
                .contentType(ContentType.BINARY)
                .body(bytes)
                .queryParam("leaseToken", leaseToken)
                .queryParam("epoch", 1)
                .post("/internal/v1/jobs/{id}/" + action, id);
    }

    public static Map<String, Object> epoch(int epoch, double loss) {
        Map<String, Object> metrics = new HashMap<>();
        metrics.put("epoch", epoch);
        metrics.put("epochs", 10);
        metrics.put("trainLoss", loss);
        metrics.put("validationLoss", loss + 0.1);
        metrics.put("trainAccuracy", 0.8);
        metrics.put("validationAccuracy", 0.75);
        metrics.put("epochSeconds", 1.5);
        metrics.put("samplesPerSecond", 1000.0);
        return metrics;
    }

    public static JobStatus status(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Job.<Job>findById(UUID.fromString(id)).status);
    }

    /** Moves the job's lease expiry into the past, as if its worker died. */
    public static void expireLease(String id) {
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                Job.update(
                                        "leaseExpiresAt = ?1 where id = ?2",
                                        Instant.now().minusSeconds(1),
                                        UUID.fromString(id)));
    }

    /** Pretends the running attempt started {@code seconds} earlier than it did. */
    public static void backdateMetering(String id, long seconds) {
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            Job job = Job.findById(UUID.fromString(id));
                            job.meteredAt = job.meteredAt.minusSeconds(seconds);
                        });
    }
}
