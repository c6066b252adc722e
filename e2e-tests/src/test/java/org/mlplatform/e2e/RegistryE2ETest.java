package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.mlplatform.e2e.Platform.as;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.model.CreateModelRequest;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.quota.SetQuotaRequest;

/** The model registry and datasets on the packaged platform, validated by the real worker. */
@Tag("e2e")
@Order(3)
class RegistryE2ETest {

    static final Path MODELS = Platform.ROOT.resolve("worker/src/test/resources/models");

    @Test
    void shouldValidateAnOnnxUploadAndReportItsSignature() throws IOException {
        String model = createModel("acme", "alice");

        JsonPath uploaded =
                upload(
                        "acme",
                        "alice",
                        model,
                        "onnx",
                        Files.readAllBytes(MODELS.resolve("tiny-mlp.onnx")));

        assertThat(uploaded.getString("status")).isEqualTo("VALIDATING");
        JsonPath ready = awaitValidated("acme", "alice", model, uploaded.getInt("version"));
        assertThat(ready.getString("status")).isEqualTo("READY");
        assertThat(ready.getString("signature.inputs[0].name")).isEqualTo("input");
        assertThat(ready.getString("signature.inputs[0].dataType")).isEqualTo("float32");
        assertThat(ready.getList("signature.inputs[0].shape", Integer.class))
                .containsExactly(-1, 4);
        assertThat(ready.getList("signature.outputs[0].shape", Integer.class))
                .containsExactly(-1, 3);
    }

    @Test
    void shouldFailACorruptModelWithAReason() {
        String model = createModel("acme", "alice");
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);

        JsonPath failed =
                awaitValidated(
                        "acme",
                        "alice",
                        model,
                        upload("acme", "alice", model, "onnx", garbage).getInt("version"));

        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("failureReason")).contains("not a valid ONNX model");
    }

    @Test
    void shouldProfileACsvDataset() {
        String name = Platform.unique("iris");
        String csv = "sepal,petal,species\n5.1,1.4,setosa\n4.9,,setosa\n6.3,4.9,virginica\n";

        as("alice")
                .contentType("application/octet-stream")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/tenants/acme/datasets?name=" + name + "&format=csv")
                .then()
                .statusCode(201)
                .body("csv.rowCount", equalTo(3))
                .body("csv.columns[0].type", equalTo("NUMERIC"))
                .body("csv.columns[0].max", equalTo(6.3f))
                .body("csv.columns[1].nullCount", equalTo(1))
                .body("csv.columns[2].type", equalTo("CATEGORICAL"))
                .body("csv.columns[2].valueCounts.setosa", equalTo(2));
        as("alice")
                .get("/api/v1/tenants/acme/datasets/" + name + "/preview")
                .then()
                .statusCode(200)
                .body("rows[2][2]", equalTo("virginica"));
    }

    @Test
    void shouldRejectAZipBombAndAZipSlipAndStoreNothing() throws IOException {
        long before = storageUsed("acme");

        rejectDataset(bomb(), "expands");
        rejectDataset(zip(Map.of("../evil/x.png", new byte[] {1, 2, 3})), "..");

        assertThat(storageUsed("acme")).isEqualTo(before);
    }

    @Test
    void shouldCutAnUploadOffAtTheStorageQuotaAndKeepTheCountExact() {
        String slug = Platform.createTenant("tight", "Tight Ltd", "alice");
        as("admin")
                .body(new SetQuotaRequest(10_000L, null, null, null, null, null, null))
                .put("/api/v1/admin/tenants/" + slug + "/quota")
                .then()
                .statusCode(200);
        String model = createModel(slug, "alice");
        byte[] fits = new byte[6_000];
        new Random(1).nextBytes(fits);
        byte[] tooMuch = new byte[6_000];
        new Random(2).nextBytes(tooMuch);

        as("alice")
                .contentType("application/octet-stream")
                .body(fits)
                .post("/api/v1/tenants/" + slug + "/models/" + model + "/versions?format=onnx")
                .then()
                .statusCode(202);
        as("alice")
                .contentType("application/octet-stream")
                .body(tooMuch)
                .post("/api/v1/tenants/" + slug + "/models/" + model + "/versions?format=onnx")
                .then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("type", containsString("storage-quota-exceeded"));

        assertThat(storageUsed(slug)).isEqualTo(6_000L);
    }

    static String createModel(String tenant, String user) {
        String name = Platform.unique("mlp");
        as(user).body(new CreateModelRequest(name, "e2e", ModelTask.TABULAR_CLASSIFICATION))
                .post("/api/v1/tenants/" + tenant + "/models")
                .then()
                .statusCode(201);
        return name;
    }

    /** A new model of acme with tiny-mlp.onnx uploaded by alice as version 1, validated READY. */
    static String onnxModel() throws IOException {
        return onnxModel("acme", "alice");
    }

    /** A new model of the tenant with tiny-mlp.onnx as version 1 (uploaded by the user), READY. */
    static String onnxModel(String tenant, String user) throws IOException {
        String model = createModel(tenant, user);
        upload(tenant, user, model, "onnx", Files.readAllBytes(MODELS.resolve("tiny-mlp.onnx")));
        assertThat(awaitValidated(tenant, user, model, 1).getString("status")).isEqualTo("READY");
        return model;
    }

    private static JsonPath upload(
            String tenant, String user, String model, String format, byte[] bytes) {
        return as(user).contentType("application/octet-stream")
                .body(bytes)
                .post(
                        "/api/v1/tenants/"
                                + tenant
                                + "/models/"
                                + model
                                + "/versions?format="
                                + format)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
    }

    static JsonPath awaitValidated(String tenant, String user, String model, int version) {
        JsonPath[] last = new JsonPath[1];
        Platform.await(
                model + " v" + version + " to leave VALIDATING",
                Duration.ofSeconds(60),
                () -> {
                    last[0] =
                            as(user).get(
                                            "/api/v1/tenants/"
                                                    + tenant
                                                    + "/models/"
                                                    + model
                                                    + "/versions/"
                                                    + version)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath();
                    return !"VALIDATING".equals(last[0].getString("status"));
                });
        return last[0];
    }

    private static long storageUsed(String tenant) {
        return as("alice")
                .get("/api/v1/tenants/" + tenant + "/quota")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("storageBytes.used");
    }

    private static void rejectDataset(byte[] zip, String detail) {
        as("alice")
                .contentType("application/octet-stream")
                .body(zip)
                .post(
                        "/api/v1/tenants/acme/datasets?name="
                                + Platform.unique("images")
                                + "&format=image-zip")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString(detail));
    }

    /** 200 MB of zeros in one entry: about 200 KB compressed. */
    private static byte[] bomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("cats/cat.png"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
