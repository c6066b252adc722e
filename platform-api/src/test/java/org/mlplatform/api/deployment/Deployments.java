package org.mlplatform.api.deployment;

import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.TestData.asWorker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlplatform.api.TestData;
import org.mlplatform.api.model.Model;
import org.mlplatform.api.model.ModelVersion;
import org.mlplatform.api.model.Models;
import org.mlplatform.api.worker.Worker;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.contract.model.TensorSpec;

/** Test helpers: READY versions, deployments and inference workers. */
public final class Deployments {

    public static final ModelSignature SIGNATURE =
            new ModelSignature(
                    List.of(new TensorSpec("input", "FP32", List.of(-1L, 4L))),
                    List.of(new TensorSpec("output", "FP32", List.of(-1L, 2L))));

    private Deployments() {}

    /** Uploads a version and marks it READY with {@link #SIGNATURE}, as validation would. */
    public static int readyVersion(String slug, String user, String model) {
        return readyVersion(slug, user, model, Models.randomBytes(64), SIGNATURE);
    }

    /** Uploads {@code bytes} (ONNX) as a version and marks it READY with {@code signature}. */
    public static int readyVersion(
            String slug, String user, String model, byte[] bytes, ModelSignature signature) {
        int version =
                Models.upload(slug, user, model, bytes)
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("version");
        long tenantId = Models.tenantId(slug);
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            Model m = Model.findByName(tenantId, model).orElseThrow();
                            ModelVersion v = ModelVersion.find(m, version).orElseThrow();
                            v.status = ModelVersionStatus.READY;
                            v.signature = signature;
                            v.validatedAt = Instant.now();
                        });
        return version;
    }

    /** POSTs a deployment of the version; {@code extra} adds or overrides fields. */
    public static Response deploy(
            String slug, String user, String model, int version, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("model", model, "version", version));
        body.putAll(extra);
        return as(user).body(body).post("/api/v1/tenants/{t}/deployments", slug);
    }

    /** Deploys and returns the deployment's id. */
    public static String deployed(String slug, String user, String model, int version) {
        return deploy(slug, user, model, version, Map.of())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Registers a live worker with the INFERENCE role (and a token) at {@code url}. */
    public static UUID inferenceWorker(String url, String token) {
        String id =
                asWorker()
                        .body(
                                Map.of(
                                        "name",
                                        TestData.unique("inf"),
                                        "url",
                                        url,
                                        "roles",
                                        List.of("INFERENCE"),
                                        "inferenceToken",
                                        token))
                        .post("/internal/v1/workers/register")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("id");
        return UUID.fromString(id);
    }

    public static UUID inferenceWorker(String url) {
        return inferenceWorker(url, "tok-" + UUID.randomUUID());
    }

    /** Makes every inference worker miss its heartbeats, so a test starts with none live. */
    public static void retireInferenceWorkers() {
        Instant stale = Instant.now().minus(1, ChronoUnit.HOURS);
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                Worker.getEntityManager()
                                        .createNativeQuery(
                                                "update workers set last_heartbeat_at = ?1"
                                                        + " where roles @> '[\"INFERENCE\"]'")
                                        .setParameter(1, stale)
                                        .executeUpdate());
    }

    /** Makes one worker miss its heartbeats. */
    public static void retire(UUID worker) {
        Instant stale = Instant.now().minus(1, ChronoUnit.HOURS);
        QuarkusTransaction.requiringNew()
                .run(() -> Worker.update("lastHeartbeatAt = ?1 where id = ?2", stale, worker));
    }
}
