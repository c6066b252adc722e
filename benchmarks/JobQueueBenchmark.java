import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the job queue of a running platform over HTTP, as workers use it. JDK only, run as a
 * single source file by benchmarks/training-jobs.sh:
 *
 * <pre>
 *   java JobQueueBenchmark.java burndown THREADS [BATCH]   claims and completes NOOP jobs until
 *                                                         none is left: one call per job, or with
 *                                                         BATCH, batches of up to BATCH jobs
 *   java JobQueueBenchmark.java latency RUNS CSV   submit-to-start of TRAIN jobs with an idle worker
 * </pre>
 *
 * Environment: API (default http://localhost:8080), KEYCLOAK (default http://localhost:8180).
 */
public class JobQueueBenchmark {

    static final String API = System.getenv().getOrDefault("API", "http://localhost:8080");
    static final String KEYCLOAK =
            System.getenv().getOrDefault("KEYCLOAK", "http://localhost:8180");
    static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "burndown" ->
                    burndown(Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 0);
            case "latency" -> latency(Integer.parseInt(args[1]), args[2]);
            default ->
                    throw new IllegalArgumentException(
                            "burndown THREADS [BATCH] | latency RUNS DATASET");
        }
    }

    /**
     * Claim + complete with THREADS client threads until the queue is empty; prints jobs/s. With
     * BATCH above 0 each call of a thread completes the jobs its previous call claimed and claims
     * up to BATCH more (POST /internal/v1/jobs/batch); otherwise each call completes one job and
     * claims the next (POST /internal/v1/jobs/{id}/complete with "next").
     */
    static void burndown(int threads, int batch) throws Exception {
        String token =
                token("grant_type=client_credentials&client_id=platform-worker"
                        + "&client_secret=platform-worker-secret");
        String worker =
                field(
                        post(
                                "/internal/v1/workers/register",
                                token,
                                "{\"name\":\"queue-benchmark\",\"url\":\"http://localhost:1\"}"),
                        "id");
        String claim = "{\"workerId\":\"" + worker + "\",\"kinds\":[\"NOOP\"],\"waitSeconds\":0}";
        AtomicLong done = new AtomicLong();
        List<Thread> loops = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Thread loop =
                    new Thread(
                            () -> {
                                try {
                                    if (batch > 0) {
                                        done.addAndGet(batches(token, worker, batch));
                                        return;
                                    }
                                    // As the worker does: each completion claims the next job.
                                    HttpResponse<String> job =
                                            send("/internal/v1/jobs/claim", token, claim);
                                    while (job.statusCode() == 200) {
                                        String id = field(job.body(), "jobId");
                                        String lease = field(job.body(), "leaseToken");
                                        job =
                                                send(
                                                        "/internal/v1/jobs/" + id + "/complete",
                                                        token,
                                                        "{\"leaseToken\":\""
                                                                + lease
                                                                + "\",\"next\":"
                                                                + claim
                                                                + "}");
                                        done.incrementAndGet();
                                    }
                                    if (job.statusCode() != 204) {
                                        throw new IllegalStateException(
                                                "claim or complete: " + job.statusCode());
                                    }
                                } catch (Exception e) {
                                    throw new RuntimeException(e);
                                }
                            });
            loop.start();
            loops.add(loop);
        }
        for (Thread loop : loops) {
            loop.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "burndown threads=%d batch=%d jobs=%d seconds=%.2f jobs_per_second=%.0f%n",
                threads, batch, done.get(), seconds, done.get() / seconds);
    }

    static final Pattern ASSIGNMENT =
            Pattern.compile("\"jobId\":\"([^\"]+)\".*?\"leaseToken\":\"([^\"]+)\"");

    /** One thread's batch loop until a batch claims nothing; returns the jobs it completed. */
    static long batches(String token, String worker, int batch) throws Exception {
        long completed = 0;
        String finished = "";
        int pending = 0;
        while (true) {
            HttpResponse<String> answer =
                    send(
                            "/internal/v1/jobs/batch",
                            token,
                            "{\"workerId\":\""
                                    + worker
                                    + "\",\"kinds\":[\"NOOP\"],\"claim\":"
                                    + batch
                                    + ",\"completed\":["
                                    + finished
                                    + "]}");
            String body = answer.body();
            if (answer.statusCode() != 200 || !body.contains("\"rejected\":[]")) {
                throw new IllegalStateException("batch: " + answer.statusCode() + " " + body);
            }
            completed += pending; // none rejected: every job sent was completed
            Matcher claimed = ASSIGNMENT.matcher(body.substring(body.indexOf("\"jobs\":")));
            List<String> next = new ArrayList<>();
            while (claimed.find()) {
                next.add(
                        "{\"jobId\":\""
                                + claimed.group(1)
                                + "\",\"leaseToken\":\""
                                + claimed.group(2)
                                + "\"}");
            }
            if (next.isEmpty()) {
                return completed;
            }
            finished = String.join(",", next);
            pending = next.size();
        }
    }

    /**
     * Submits RUNS one-epoch TRAIN jobs on DATASET one after another through the public API, each
     * after the previous one finished (so the worker is idle and long-polling), and prints p50/p99
     * of startedAt - createdAt, both stamped by platform-api.
     */
    static void latency(int runs, String dataset) throws Exception {
        String token =
                token("grant_type=password&client_id=platform-cli&username=alice&password=alice");
        String body =
                "{\"dataset\":\""
                        + dataset
                        + "\",\"task\":\"classification\",\"labelColumn\":\"label\","
                        + "\"architecture\":{\"type\":\"mlp\",\"hiddenLayers\":[8]},"
                        + "\"hyperparameters\":{\"epochs\":1},\"outputModel\":\"latency-probe\"}";
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            HttpResponse<String> created = send("/api/v1/tenants/acme/training-jobs", token, body);
            if (created.statusCode() != 201) {
                throw new IllegalStateException("submit: " + created.statusCode() + " " + created.body());
            }
            String id = field(created.body(), "id");
            String job;
            do {
                Thread.sleep(50);
                job = get("/api/v1/tenants/acme/training-jobs/" + id, token);
            } while (!List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(field(job, "status")));
            Instant createdAt = Instant.parse(field(job, "createdAt"));
            Instant startedAt = Instant.parse(field(job, "startedAt"));
            millis.add(Duration.between(createdAt, startedAt).toNanos() / 1e6);
        }
        Collections.sort(millis);
        System.out.printf(
                "latency runs=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                runs,
                percentile(millis, 0.50),
                percentile(millis, 0.99),
                millis.get(millis.size() - 1));
    }

    static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String token(String form) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                KEYCLOAK
                                                        + "/realms/platform/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return field(response.body(), "access_token");
    }

    static String post(String path, String token, String json) throws Exception {
        HttpResponse<String> response = send(path, token, json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static HttpResponse<String> send(String path, String token, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(API + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String get(String path, String token) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(API + path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** The first string value of a top-level-or-nested JSON field; enough for these answers. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
