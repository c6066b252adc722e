package org.mlplatform.worker.inference;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.TensorSpec;
import org.mlplatform.worker.registration.FakePlatformApi;

/** Deployments of the fixtures on the fake platform-api, and calls of the worker's /v2 API. */
final class Deployments {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    static final ModelSignature ONNX_SIGNATURE =
            new ModelSignature(
                    List.of(new TensorSpec("input", "float32", List.of(-1L, 4L))),
                    List.of(new TensorSpec("logits", "float32", List.of(-1L, 3L))));

    /** What validation reports for TorchScript: names only, shapes unknown. */
    static final ModelSignature TORCHSCRIPT_SIGNATURE =
            new ModelSignature(List.of(new TensorSpec("input0", null, null)), List.of());

    private Deployments() {}

    /** A deployment of {@code bytes}, served by the fake's blob store. */
    static DeploymentAssignment of(
            ModelFormat format,
            byte[] bytes,
            ModelSignature signature,
            boolean trained,
            int maxBatchSize,
            int maxBatchDelayMs) {
        String sha256 = sha256(bytes);
        FakePlatformApi.BLOBS.put(sha256, bytes);
        return new DeploymentAssignment(
                UUID.randomUUID(),
                "acme",
                "model-" + UUID.randomUUID().toString().substring(0, 6),
                3,
                format,
                new BlobPointer(sha256, bytes.length),
                signature,
                trained,
                maxBatchSize,
                maxBatchDelayMs);
    }

    static DeploymentAssignment trained(Path zip, ModelSignature signature) throws Exception {
        return of(ModelFormat.DJL, Files.readAllBytes(zip), signature, true, 8, 2);
    }

    /** POST /v2/models/{id}/infer with the worker's token. */
    static Response infer(String token, UUID deployment, String body) {
        return given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(body)
                .post("/v2/models/" + deployment + "/infer");
    }

    /** Waits until the fake got a report of the status for the deployment; returns its body. */
    static String awaitReport(UUID deployment, String status) {
        FakePlatformApi.awaitUntil(
                () -> reportBody(deployment, status) != null,
                status + " report of " + deployment,
                DEADLINE);
        return reportBody(deployment, status);
    }

    private static String reportBody(UUID deployment, String status) {
        return FakePlatformApi.reportsOf(deployment).stream()
                .map(FakePlatformApi.Call::body)
                .filter(b -> b.contains("\"status\":\"" + status + "\""))
                .findFirst()
                .orElse(null);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
