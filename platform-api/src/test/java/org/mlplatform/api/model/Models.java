package org.mlplatform.api.model;

import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.TestData.asWorker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.mlplatform.api.TestData;
import org.mlplatform.api.tenant.Tenant;

/** Test helpers for models, uploads, storage and the queue. */
public final class Models {

    private Models() {}

    public static String create(String slug, String user) {
        String name = TestData.unique("m");
        as(user).body(Map.of("name", name, "task", "TABULAR_CLASSIFICATION"))
                .post("/api/v1/tenants/{t}/models", slug)
                .then()
                .statusCode(201);
        return name;
    }

    public static Response upload(String slug, String user, String model, byte[] bytes) {
        return as(user).contentType(ContentType.BINARY)
                .body(bytes)
                .post("/api/v1/tenants/{t}/models/{m}/versions?format=onnx", slug, model);
    }

    public static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    public static long tenantId(String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Tenant.findBySlug(slug).orElseThrow().id);
    }

    /** The tenant's storage_bytes counter and the recount of what it references. */
    public static long[] storageCounterAndRecount(EntityManager em, String slug) {
        long id = tenantId(slug);
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            List<?> counter =
                                    em.createNativeQuery(
                                                    "select storage_bytes from tenant_usage"
                                                            + " where tenant_id = ?1")
                                            .setParameter(1, id)
                                            .getResultList();
                            Number recount =
                                    (Number)
                                            em.createNativeQuery(
                                                            "select coalesce(sum(b.size_bytes), 0)"
                                                                    + " from blobs b where b.sha256"
                                                                    + " in (select r.sha256 from"
                                                                    + " blob_references r where"
                                                                    + " r.tenant_id = ?1)")
                                                    .setParameter(1, id)
                                                    .getSingleResult();
                            long c = counter.isEmpty() ? 0 : ((Number) counter.get(0)).longValue();
                            return new long[] {c, recount.longValue()};
                        });
    }

    public static long countFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    public static Path blobFile(Path root, String sha256) {
        return root.resolve("blobs")
                .resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    /** Claims and fails every queued job, so a test sees only its own. */
    public static void drainQueue() {
        while (true) {
            Response claim =
                    asWorker()
                            .body(
                                    Map.of(
                                            "workerId",
                                            "00000000-0000-0000-0000-0000000000aa",
                                            "kinds",
                                            List.of("VALIDATE_MODEL", "TRAIN", "NOOP"),
                                            "waitSeconds",
                                            0))
                            .post("/internal/v1/jobs/claim");
            if (claim.statusCode() == 204) {
                return;
            }
            asWorker()
                    .body(
                            Map.of(
                                    "leaseToken",
                                    claim.path("leaseToken"),
                                    "error",
                                    "drained by a test",
                                    "retryable",
                                    false))
                    .post("/internal/v1/jobs/{id}/fail", (String) claim.path("jobId"))
                    .then()
                    .statusCode(204);
        }
    }
}
