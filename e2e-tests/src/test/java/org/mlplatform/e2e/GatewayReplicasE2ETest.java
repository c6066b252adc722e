package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.e2e.Platform.as;

import io.restassured.response.Response;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.quota.SetQuotaRequest;

/**
 * Two gateway replicas sharing PostgreSQL, as platform-api scales out: the packaged platform's and
 * a second one started here, which serves no models itself and reaches them over HTTP. A tenant's
 * rate holds over both together, and a revoked key stops working on both within a second.
 */
@Tag("e2e")
@Order(6)
class GatewayReplicasE2ETest {

    private static final int SECOND_PORT = 8084;
    private static final String SECOND = "http://localhost:" + SECOND_PORT;
    private static final List<String> REPLICAS = List.of(Platform.API, SECOND);

    private static Process second;

    @BeforeAll
    static void startSecondReplica() throws IOException {
        // The launcher's key secret (platform up keeps it in the data directory): every replica
        // must hash keys with the same one.
        String secret = Files.readString(Platform.DATA.resolve("secrets/api-key-hmac")).strip();
        second =
                Platform.startApp(
                        "platform-api",
                        "platform-api-2",
                        SECOND_PORT,
                        List.of(
                                "-Xmx384m",
                                "-Dquarkus.profile=embedded",
                                "-Dplatform.inference.local.enabled=false"),
                        Map.of(
                                "PLATFORM_API_KEYS_HMAC_SECRET",
                                secret,
                                "PLATFORM_STORAGE_FS_ROOT",
                                Platform.DATA.resolve("blobs").toString()));
    }

    @AfterAll
    static void stopSecondReplica() throws InterruptedException {
        if (second != null) {
            second.destroy(); // a graceful stop: it flushes its usage
            second.waitFor();
        }
    }

    @Test
    void shouldHoldATenantToItsRateOverBothReplicas() throws Exception {
        // A rate well above what the callers have in flight at once (6), so that answers read a
        // little late at a window's edge cannot pass for calls over the rate.
        int rate = 100;
        String tenant = Platform.createTenant("paced", "Paced Ltd", "alice");
        as("admin")
                .body(new SetQuotaRequest(null, null, null, null, null, rate, null))
                .put("/api/v1/admin/tenants/" + tenant + "/quota")
                .then()
                .statusCode(200);
        String model = InferenceE2ETest.onnxDeployment(tenant, "alice");
        String key =
                InferenceE2ETest.createdKey(
                                tenant,
                                "alice",
                                Map.of("name", "paced", "scopes", List.of("inference:invoke")))
                        .path("secret");

        // Three callers on each replica, calling as fast as they are answered, for 5 s.
        List<AtomicInteger> accepted = List.of(new AtomicInteger(), new AtomicInteger());
        List<AtomicInteger> limited = List.of(new AtomicInteger(), new AtomicInteger());
        List<String> unexpected = new ArrayList<>();
        // When each accepted answer came, for the rate in every window of the run.
        Queue<Long> acceptedAt = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(5).toNanos();
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        // A thread per caller: the common pool may run fewer at once than there are callers.
        ExecutorService threads = Executors.newFixedThreadPool(6);
        for (int replica = 0; replica < REPLICAS.size(); replica++) {
            int r = replica;
            for (int c = 0; c < 3; c++) {
                callers.add(
                        CompletableFuture.runAsync(
                                () -> {
                                    while (System.nanoTime() < end) {
                                        HttpResponse<String> answer =
                                                call(REPLICAS.get(r), key, model);
                                        switch (answer.statusCode()) {
                                            case 200 -> {
                                                accepted.get(r).incrementAndGet();
                                                acceptedAt.add(System.nanoTime());
                                            }
                                            case 429 -> limited.get(r).incrementAndGet();
                                            default -> {
                                                synchronized (unexpected) {
                                                    unexpected.add(
                                                            answer.statusCode()
                                                                    + " "
                                                                    + answer.body());
                                                }
                                            }
                                        }
                                    }
                                },
                                threads));
            }
        }
        CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).join();
        threads.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(unexpected).isEmpty();
        int total = accepted.get(0).get() + accepted.get(1).get();
        String counts = "accepted %s, limited %s in %.2f s".formatted(accepted, limited, seconds);
        for (int r = 0; r < REPLICAS.size(); r++) {
            assertThat(accepted.get(r).get()).as("replica %d: %s", r + 1, counts).isPositive();
            assertThat(limited.get(r).get()).as("replica %d: %s", r + 1, counts).isPositive();
        }
        // The bucket holds `rate` tokens (a tenant's burst) and refills at `rate`; each replica
        // leases max(1, 5% of the rate) = 5 tokens at a time (docs/api.md, "Across replicas").
        int lease = Math.max(1, rate / 20);
        double bound = rate + rate * seconds + REPLICAS.size() * lease;
        System.out.printf("%s; at most %.0f allowed%n", counts, bound);
        assertThat((double) total).as(counts).isLessThanOrEqualTo(bound);
        assertThat((double) total).as(counts).isLessThanOrEqualTo(1.1 * rate * (seconds + 1));
        assertThat((double) total)
                .as("most of the rate is given: " + counts)
                .isGreaterThanOrEqualTo(0.8 * rate * seconds);

        // Once the burst is spent the callers keep the bucket empty, so every window gets at most
        // rate * window plus each replica's lease (and the calls in flight at the window's start):
        // within 1.1x the rate in every 2 s window, not only on average over the run.
        long window = Duration.ofSeconds(2).toNanos();
        int busiest = busiestWindow(acceptedAt, start + Duration.ofSeconds(1).toNanos(), window);
        System.out.printf("busiest 2 s window after the first second: %d calls%n", busiest);
        assertThat(busiest)
                .as("calls in the busiest 2 s window after the burst: " + counts)
                .isLessThanOrEqualTo((int) (1.1 * rate * 2));
    }

    /** The most calls in any window of {@code length} ns that starts at {@code from} or later. */
    private static int busiestWindow(Queue<Long> times, long from, long length) {
        long[] sorted =
                times.stream().mapToLong(Long::longValue).filter(t -> t >= from).sorted().toArray();
        int most = 0;
        for (int first = 0, last = 0; first < sorted.length; first++) {
            while (last < sorted.length && sorted[last] < sorted[first] + length) {
                last++;
            }
            most = Math.max(most, last - first);
        }
        return most;
    }

    @Test
    void shouldStopARevokedKeyOnEveryReplicaWithinOneSecond() throws Exception {
        String model = InferenceE2ETest.onnxDeployment("acme", "alice");
        Response created =
                InferenceE2ETest.createdKey(
                        "acme",
                        "alice",
                        Map.of("name", "revoked", "scopes", List.of("inference:invoke")));
        String key = created.path("secret");
        String id = created.path("key.id");
        for (String replica : REPLICAS) {
            assertThat(call(replica, key, model).statusCode()).as(replica).isEqualTo(200);
        }

        as("alice").post("/api/v1/tenants/acme/api-keys/" + id + "/revoke").then().statusCode(200);
        long revoked = System.nanoTime();

        for (String replica : REPLICAS) {
            HttpResponse<String> answer = call(replica, key, model);
            while (answer.statusCode() == 200
                    && System.nanoTime() - revoked < Duration.ofSeconds(5).toNanos()) {
                Thread.sleep(20);
                answer = call(replica, key, model);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - revoked);
            assertThat(answer.statusCode()).as(replica).isEqualTo(401);
            assertThat(took)
                    .as(replica + " refused the key after")
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(answer.body()).doesNotContain(key);
        }
    }

    private static HttpResponse<String> call(String replica, String key, String model) {
        try {
            return InferenceE2ETest.infer(replica, key, model);
        } catch (Exception e) {
            throw new AssertionError("calling " + replica, e);
        }
    }
}
