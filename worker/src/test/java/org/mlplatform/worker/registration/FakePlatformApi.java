package org.mlplatform.worker.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.job.JobAssignment;

/**
 * A real HTTP server that plays platform-api's worker API (registration, heartbeats, the job queue
 * and blobs) and Keycloak's token endpoint, and records what the worker sends. Shared by every test
 * of the worker, so they all run in one application (DJL's natives load once per JVM).
 */
public class FakePlatformApi implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "test-access-token";
    private static final Pattern HEARTBEAT =
            Pattern.compile("/internal/v1/workers/([0-9a-f-]{36})/heartbeat");
    private static final Pattern JOB_CALL =
            Pattern.compile(
                    "/internal/v1/jobs/([0-9a-f-]{36})/"
                            + "(heartbeat|complete|fail|events|checkpoint|artifact|cancelled)");
    private static final Pattern ASSIGNMENTS =
            Pattern.compile("/internal/v1/workers/([0-9a-f-]{36})/deployments");
    private static final Pattern DEPLOYMENT =
            Pattern.compile("/internal/v1/deployments/([0-9a-f-]{36})");
    private static final Pattern REPLICA_REPORT =
            Pattern.compile("/internal/v1/deployments/([0-9a-f-]{36})/replicas/([0-9a-f-]{36})");
    private static final Pattern LEASE_QUERY = Pattern.compile("leaseToken=([0-9a-f-]{36})");
    private static final Pattern EPOCH_QUERY = Pattern.compile("epoch=(\\d+)");
    private static final Pattern WAIT_QUERY = Pattern.compile("waitSeconds=(\\d+)");
    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A call the worker made. */
    public record Call(String path, String authorization, String body) {}

    /** A checkpoint or artifact the worker uploaded; its bytes are in {@link #BLOBS}. */
    public record Upload(UUID jobId, String kind, int epoch, String sha256, long sizeBytes) {}

    /** Checkpoints and artifacts, in the order they came. */
    public static final List<Upload> UPLOADS = new CopyOnWriteArrayList<>();

    /** Jobs whose heartbeats answer cancelRequested=true. */
    public static final Set<UUID> CANCEL_REQUESTED = ConcurrentHashMap.newKeySet();

    /** Lease tokens answered with 409 on events (and everything after them). */
    public static final Set<UUID> STALE_ON_EVENTS = ConcurrentHashMap.newKeySet();

    /** Jobs waiting to be claimed, handed out in order. */
    public static final BlockingQueue<JobAssignment> QUEUED_JOBS = new LinkedBlockingQueue<>();

    /** Claim requests, heartbeat/complete/fail calls of jobs, and blob downloads. */
    public static final List<Call> CLAIMS = new CopyOnWriteArrayList<>();

    public static final List<Call> JOB_CALLS = new CopyOnWriteArrayList<>();
    public static final List<Call> BLOB_DOWNLOADS = new CopyOnWriteArrayList<>();

    /** Blob bytes by the SHA-256 they are served under (they need not match it). */
    public static final Map<String, byte[]> BLOBS = new ConcurrentHashMap<>();

    /** Lease tokens answered with 409 on heartbeat, complete and fail. */
    public static final Set<UUID> STALE_LEASES = ConcurrentHashMap.newKeySet();

    /** Lease tokens answered with 409 on complete only (the lease went stale at the end). */
    public static final Set<UUID> STALE_ON_COMPLETE = ConcurrentHashMap.newKeySet();

    /**
     * Blobs (by SHA-256) that are served only after the worker sent a heartbeat for the given job,
     * so a test sees a heartbeat of a short job without sleeping.
     */
    public static final Map<String, UUID> BLOB_AFTER_HEARTBEAT_OF = new ConcurrentHashMap<>();

    /** What {@code GET /internal/v1/workers/{id}/deployments} answers to every known worker. */
    public static final Map<UUID, DeploymentAssignment> ASSIGNED = new ConcurrentHashMap<>();

    /**
     * Deployments {@code GET /internal/v1/deployments/{id}} knows besides the assigned ones (a
     * failover: another worker's assignment).
     */
    public static final Map<UUID, DeploymentAssignment> DEPLOYMENTS = new ConcurrentHashMap<>();

    /** Calls of {@code GET /internal/v1/deployments/{id}}. */
    public static final List<Call> DEPLOYMENT_GETS = new CopyOnWriteArrayList<>();

    /** Replica reports ({@code PUT .../replicas/{worker}}), in order. */
    public static final List<Call> REPORTS = new CopyOnWriteArrayList<>();

    public static final List<Call> WITHDRAWALS = new CopyOnWriteArrayList<>();

    /** Calls of the assignments watch by known workers. */
    public static final AtomicInteger ASSIGNMENT_CALLS = new AtomicInteger();

    /** Assignment polls of a worker id the platform does not know (answered 404). */
    public static final AtomicInteger UNKNOWN_POLLS = new AtomicInteger();

    private ExecutorService executor;

    static final List<Call> REGISTRATIONS = new CopyOnWriteArrayList<>();
    static final List<Call> HEARTBEATS = new CopyOnWriteArrayList<>();
    static final List<Call> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();
    public static final List<UUID> ISSUED_IDS = new CopyOnWriteArrayList<>();
    static final AtomicInteger UNKNOWN_HEARTBEATS = new AtomicInteger();
    private static final Set<UUID> KNOWN_WORKERS = ConcurrentHashMap.newKeySet();

    private HttpServer server;

    /** Makes the platform forget every worker, so the next heartbeat gets 404. */
    static void forgetWorkers() {
        KNOWN_WORKERS.clear();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::token);
        server.createContext("/internal/v1/workers", this::workers);
        server.createContext("/internal/v1/jobs", this::jobs);
        server.createContext("/internal/v1/blobs", this::blobs);
        server.createContext("/internal/v1/deployments", this::deployments);
        // Claims are long polls: one thread per exchange, so they block nothing else.
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
        String base = "http://localhost:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.platform-api.url",
                base,
                "quarkus.rest-client.platform-jobs.url",
                base,
                "quarkus.oidc-client.auth-server-url",
                base,
                "quarkus.oidc-client.discovery-enabled",
                "false",
                "quarkus.oidc-client.token-path",
                "/token");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void jobs(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        Matcher matcher = JOB_CALL.matcher(path);
        String operation = matcher.matches() ? matcher.group(2) : "";
        boolean upload = operation.equals("checkpoint") || operation.equals("artifact");
        Call call =
                new Call(
                        path,
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        upload ? "" : new String(raw, StandardCharsets.UTF_8));
        if (path.equals("/internal/v1/jobs/claim")) {
            CLAIMS.add(call);
            int wait = JSON.readTree(call.body()).path("waitSeconds").asInt(0);
            JobAssignment job;
            try {
                job = QUEUED_JOBS.poll(wait, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                job = null;
            }
            respond(
                    exchange,
                    job == null ? 204 : 200,
                    job == null ? null : JSON.writeValueAsString(job));
            return;
        }
        if (operation.isEmpty()) {
            respond(exchange, 404, null);
            return;
        }
        JOB_CALLS.add(call);
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        UUID lease =
                upload
                        ? UUID.fromString(find(LEASE_QUERY, query))
                        : UUID.fromString(JSON.readTree(call.body()).path("leaseToken").asText());
        boolean stale =
                STALE_LEASES.contains(lease)
                        || operation.equals("complete") && STALE_ON_COMPLETE.contains(lease)
                        || STALE_ON_EVENTS.contains(lease)
                                && JOB_CALLS.stream()
                                        .anyMatch(
                                                c ->
                                                        c.path()
                                                                .equals(
                                                                        "/internal/v1/jobs/"
                                                                                + matcher.group(1)
                                                                                + "/events"));
        UUID jobId = UUID.fromString(matcher.group(1));
        if (stale) {
            respond(exchange, 409, "{\"title\":\"stale lease\"}");
        } else if (operation.equals("heartbeat")) {
            respond(
                    exchange,
                    200,
                    "{\"leaseExpiresAt\":\""
                            + Instant.now().plusSeconds(30)
                            + "\",\"cancelRequested\":"
                            + CANCEL_REQUESTED.contains(jobId)
                            + "}");
        } else if (upload) {
            String sha256 = sha256(raw);
            BLOBS.put(sha256, raw);
            int epoch =
                    operation.equals("checkpoint") ? Integer.parseInt(find(EPOCH_QUERY, query)) : 0;
            UPLOADS.add(new Upload(jobId, operation, epoch, sha256, raw.length));
            respond(
                    exchange,
                    200,
                    operation.equals("checkpoint")
                            ? "{\"epoch\":%d,\"sha256\":\"%s\",\"sizeBytes\":%d}"
                                    .formatted(epoch, sha256, raw.length)
                            : "{\"sha256\":\"%s\",\"sizeBytes\":%d}".formatted(sha256, raw.length));
        } else {
            respond(exchange, 204, null);
        }
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException(pattern + " not in " + text);
        }
        return m.group(1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void blobs(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        BLOB_DOWNLOADS.add(
                new Call(path, exchange.getRequestHeaders().getFirst("Authorization"), ""));
        String sha256 = path.substring(path.lastIndexOf('/') + 1);
        UUID gate = BLOB_AFTER_HEARTBEAT_OF.get(sha256);
        if (gate != null) {
            awaitHeartbeatOf(gate);
        }
        byte[] bytes = BLOBS.get(sha256);
        if (bytes == null) {
            respond(exchange, 404, null);
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void awaitHeartbeatOf(UUID jobId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String heartbeatPath = "/internal/v1/jobs/" + jobId + "/heartbeat";
        while (JOB_CALLS.stream().noneMatch(c -> c.path().equals(heartbeatPath))
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10); // polling with a deadline, like the tests
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        TOKEN_REQUESTS.add(
                new Call(
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        body(exchange)));
        respond(
                exchange,
                200,
                "{\"access_token\":\""
                        + TOKEN
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private void workers(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Call call =
                new Call(
                        path,
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        body(exchange));
        if (path.equals("/internal/v1/workers/register")) {
            REGISTRATIONS.add(call);
            UUID id = UUID.randomUUID();
            KNOWN_WORKERS.add(id);
            ISSUED_IDS.add(id);
            respond(
                    exchange,
                    200,
                    "{\"id\":\"" + id + "\",\"name\":\"test-worker\",\"status\":\"ONLINE\"}");
            return;
        }
        Matcher assignments = ASSIGNMENTS.matcher(path);
        if (assignments.matches() && "GET".equals(exchange.getRequestMethod())) {
            if (!KNOWN_WORKERS.contains(UUID.fromString(assignments.group(1)))) {
                UNKNOWN_POLLS.incrementAndGet();
                respond(exchange, 404, "{\"title\":\"unknown worker\"}");
                return;
            }
            watchAssignments(exchange);
            return;
        }
        Matcher heartbeat = HEARTBEAT.matcher(path);
        if (heartbeat.matches() && "POST".equals(exchange.getRequestMethod())) {
            HEARTBEATS.add(call);
            boolean known = KNOWN_WORKERS.contains(UUID.fromString(heartbeat.group(1)));
            if (!known) {
                UNKNOWN_HEARTBEATS.incrementAndGet();
            }
            respond(exchange, known ? 204 : 404, null);
            return;
        }
        respond(exchange, 404, null);
    }

    private void deployments(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Call call =
                new Call(
                        path,
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        body(exchange));
        Matcher report = REPLICA_REPORT.matcher(path);
        if (report.matches() && "PUT".equals(exchange.getRequestMethod())) {
            REPORTS.add(call);
            respond(exchange, 204, null);
            return;
        }
        if (report.matches() && "DELETE".equals(exchange.getRequestMethod())) {
            WITHDRAWALS.add(call);
            respond(exchange, 204, null);
            return;
        }
        Matcher get = DEPLOYMENT.matcher(path);
        if (get.matches() && "GET".equals(exchange.getRequestMethod())) {
            DEPLOYMENT_GETS.add(call);
            UUID id = UUID.fromString(get.group(1));
            DeploymentAssignment found = ASSIGNED.getOrDefault(id, DEPLOYMENTS.get(id));
            if (found == null) {
                respond(exchange, 404, "{\"title\":\"no such deployment\"}");
            } else {
                respond(exchange, 200, JSON.writeValueAsString(found));
            }
            return;
        }
        respond(exchange, 404, null);
    }

    /** The replica reports of a deployment, in order. */
    public static List<Call> reportsOf(UUID deploymentId) {
        String prefix = "/internal/v1/deployments/" + deploymentId + "/replicas/";
        return REPORTS.stream().filter(c -> c.path().startsWith(prefix)).toList();
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The assignments watch as platform-api answers it: 200 with the list and its tag, or, while
     * the list still has the tag in {@code If-None-Match}, 304 after {@code waitSeconds} or as soon
     * as the deployments it knows besides change.
     */
    private static void watchAssignments(HttpExchange exchange) throws IOException {
        ASSIGNMENT_CALLS.incrementAndGet();
        String known = exchange.getRequestHeaders().getFirst("If-None-Match");
        Matcher wait = WAIT_QUERY.matcher(String.valueOf(exchange.getRequestURI().getQuery()));
        long deadline =
                System.nanoTime()
                        + TimeUnit.SECONDS.toNanos(wait.find() ? Long.parseLong(wait.group(1)) : 0);
        String list = assignedJson();
        // A change to the other deployments ends the wait with a 304, as an announced one does.
        Set<UUID> others = Set.copyOf(DEPLOYMENTS.keySet());
        while (tagOf(list).equals(known)
                && others.equals(DEPLOYMENTS.keySet())
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            list = assignedJson();
        }
        String tag = tagOf(list);
        exchange.getResponseHeaders().add("ETag", tag);
        respond(exchange, tag.equals(known) ? 304 : 200, tag.equals(known) ? null : list);
    }

    private static String assignedJson() throws IOException {
        List<DeploymentAssignment> sorted = new ArrayList<>(ASSIGNED.values());
        sorted.sort(Comparator.comparing(DeploymentAssignment::id));
        return JSON.writeValueAsString(sorted);
    }

    private static String tagOf(String json) {
        return '"' + Integer.toHexString(json.hashCode()) + '"';
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The calls this fake got for one operation of a job ({@code complete}, {@code events}, ...).
     */
    public static List<Call> jobCalls(UUID jobId, String operation) {
        String path = "/internal/v1/jobs/" + jobId + "/" + operation;
        return JOB_CALLS.stream().filter(c -> c.path().equals(path)).toList();
    }

    /** The first such call, waited for at most {@code deadline}. */
    public static Call awaitJobCall(UUID jobId, String operation, Duration deadline) {
        awaitUntil(
                () -> !jobCalls(jobId, operation).isEmpty(),
                operation + " of job " + jobId,
                deadline);
        return jobCalls(jobId, operation).get(0);
    }

    /** Polls the condition every 20 ms; fails after {@code deadline}. */
    public static void awaitUntil(BooleanSupplier condition, String what, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out after " + deadline + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }
}
