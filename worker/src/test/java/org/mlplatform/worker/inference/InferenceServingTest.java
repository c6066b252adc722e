package org.mlplatform.worker.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.inference.CallFrames;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.serving.InferenceToken;
import org.mlplatform.serving.ModelRegistry;
import org.mlplatform.worker.registration.FakePlatformApi;
import org.mlplatform.worker.validation.ModelFixtures;

/**
 * The worker's Open Inference Protocol answers for the fixtures, compared with DJL in-process, and
 * every error the protocol names.
 */
@QuarkusTest
@WithTestResource(FakePlatformApi.class)
class InferenceServingTest {

    private static final String EXPECTED_INPUT =
            "{\"name\":\"input\",\"shape\":[2,4],\"datatype\":\"FP32\","
                    + "\"data\":[[0.5,-1.0,2.0,0.25],[1.0,2.0,3.0,4.0]]}";
    private static final float[] X = {0.5f, -1f, 2f, 0.25f, 1f, 2f, 3f, 4f};

    @Inject InferenceToken token;
    @Inject ModelRegistry registry;

    private final ObjectMapper json = new ObjectMapper();
    private final List<UUID> deployed = new ArrayList<>();

    @AfterEach
    void unassign() {
        deployed.forEach(
                id -> {
                    FakePlatformApi.ASSIGNED.remove(id);
                    FakePlatformApi.DEPLOYMENTS.remove(id);
                    registry.unassign(id);
                });
    }

    @Test
    void shouldAnswerAnAssignedOnnxModelLikeDjlInProcessAndReportReady() throws Exception {
        DeploymentAssignment onnx = assign(ModelFormat.ONNX, "tiny-mlp.onnx");
        String ready = Deployments.awaitReport(onnx.id(), "READY");

        Response response =
                Deployments.infer(
                        token.value(),
                        onnx.id(),
                        "{\"id\":\"req-7\",\"parameters\":{\"trace\":true},\"inputs\":["
                                + EXPECTED_INPUT
                                + "],\"outputs\":[{\"name\":\"logits\"}]}");

        assertThat(json.readTree(ready).path("loadMillis").asLong()).isNotNegative();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Inference-Batch-Items")).isEqualTo("2");
        JsonNode body = json.readTree(response.asByteArray());
        assertThat(body.path("model_name").asText()).isEqualTo(onnx.model());
        assertThat(body.path("model_version").asText()).isEqualTo("3");
        assertThat(body.path("id").asText()).isEqualTo("req-7");
        JsonNode logits = body.path("outputs").get(0);
        assertThat(logits.path("name").asText()).isEqualTo("logits");
        assertThat(logits.path("datatype").asText()).isEqualTo("FP32");
        assertThat(logits.path("shape").toString()).isEqualTo("[2,3]");
        assertClose(logits.path("data"), expectedLogits());
        assertClose(logits.path("data"), inProcess("tiny-mlp.onnx", "OnnxRuntime"));
    }

    @Test
    void shouldLoadTorchScriptLazilyOnceForConcurrentRequestsAndTakeInputsByPosition()
            throws Exception {
        DeploymentAssignment pt =
                Deployments.of(
                        ModelFormat.TORCHSCRIPT,
                        ModelFixtures.bytes("tiny-mlp.pt"),
                        Deployments.TORCHSCRIPT_SIGNATURE,
                        false,
                        8,
                        5);
        deployed.add(pt.id());
        // Another worker's deployment: this one learns of it from the first request.
        FakePlatformApi.DEPLOYMENTS.put(pt.id(), pt);
        String body = "{\"inputs\":[" + EXPECTED_INPUT.replace("\"input\"", "\"x\"") + "]}";

        List<CompletableFuture<Response>> calls = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 6; i++) {
            calls.add(
                    CompletableFuture.supplyAsync(
                            () -> Deployments.infer(token.value(), pt.id(), body), clients));
        }
        clients.shutdown();

        float[] djl = inProcess("tiny-mlp.pt", "PyTorch");
        for (CompletableFuture<Response> call : calls) {
            Response response = call.join();
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode output = json.readTree(response.asByteArray()).path("outputs").get(0);
            assertThat(output.path("shape").toString()).isEqualTo("[2,3]");
            assertClose(output.path("data"), djl);
            assertClose(output.path("data"), expectedLogits());
        }
        String path = "/internal/v1/deployments/" + pt.id();
        assertThat(FakePlatformApi.DEPLOYMENT_GETS)
                .filteredOn(c -> c.path().equals(path))
                .hasSize(1);
        assertThat(FakePlatformApi.BLOB_DOWNLOADS)
                .filteredOn(c -> c.path().endsWith(pt.artifact().sha256()))
                .hasSize(1);
    }

    @Test
    void shouldDescribeTheModelAndItsReadiness() throws Exception {
        DeploymentAssignment onnx = assign(ModelFormat.ONNX, "tiny-mlp.onnx");
        Deployments.awaitReport(onnx.id(), "READY");

        JsonNode metadata =
                json.readTree(
                        given().header("Authorization", "Bearer " + token.value())
                                .get("/v2/models/" + onnx.id())
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray());

        assertThat(metadata.path("name").asText()).isEqualTo(onnx.model());
        assertThat(metadata.path("versions").toString()).isEqualTo("[\"3\"]");
        assertThat(metadata.path("platform").asText()).isEqualTo("onnxruntime_onnx");
        assertThat(metadata.path("inputs").toString())
                .isEqualTo("[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,4]}]");
        assertThat(metadata.path("outputs").toString())
                .isEqualTo("[{\"name\":\"logits\",\"datatype\":\"FP32\",\"shape\":[-1,3]}]");
        given().header("Authorization", "Bearer " + token.value())
                .get("/v2/models/" + onnx.id() + "/ready")
                .then()
                .statusCode(200)
                .body("ready", equalTo(true));
        given().get("/v2/health/live").then().statusCode(200).body("live", equalTo(true));
        FakePlatformApi.awaitUntil(
                () -> given().get("/v2/health/ready").statusCode() == 200,
                "the worker to be ready",
                Deployments.DEADLINE);
    }

    @Test
    void shouldAnswerProtocolErrorsWithTheirStatus() throws Exception {
        DeploymentAssignment onnx = assign(ModelFormat.ONNX, "tiny-mlp.onnx");
        Deployments.awaitReport(onnx.id(), "READY");
        String url = "/v2/models/" + onnx.id() + "/infer";
        String good = "{\"inputs\":[" + EXPECTED_INPUT + "]}";

        given().contentType("application/json")
                .body(good)
                .post(url)
                .then()
                .statusCode(401)
                .body("error", equalTo("Authorization: Bearer <inference token> is required"));
        given().header("Authorization", "Bearer " + token.value() + "x")
                .contentType("application/json")
                .body(good)
                .post(url)
                .then()
                .statusCode(401)
                .body("error", equalTo("The inference token is not valid"));
        given().header("Authorization", "Bearer nope")
                .get("/v2/models/" + onnx.id())
                .then()
                .statusCode(401);
        assertError(
                Deployments.infer(token.value(), UUID.randomUUID(), good), 404, "No deployment");
        given().header("Authorization", "Bearer " + token.value())
                .get("/v2/models/not-a-uuid")
                .then()
                .statusCode(404)
                .body("error", equalTo("No deployment not-a-uuid"));
        assertError(
                infer(
                        onnx,
                        "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,5],\"datatype\":\"FP32\","
                                + "\"data\":[1,2,3,4,5]}]}"),
                400,
                "Input 'input' has shape [1, 5]; the model takes [-1, 4]");
        assertError(
                infer(
                        onnx,
                        "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP32\","
                                + "\"data\":[1,2,3]}]}"),
                400,
                "Input 'input' has shape [1, 4] (4 elements) but 3 data elements");
        assertError(
                infer(
                        onnx,
                        "{\"inputs\":[{\"name\":\"other\",\"shape\":[1,4],\"datatype\":\"FP32\","
                                + "\"data\":[1,2,3,4]}]}"),
                400,
                "Unknown input 'other'; the model takes [input]");
        assertError(
                infer(
                        onnx,
                        "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"INT64\","
                                + "\"data\":[1,2,3,4]}]}"),
                400,
                "Input 'input' has datatype INT64; the model takes FP32");
        assertError(
                infer(onnx, "{\"inputs\":[" + EXPECTED_INPUT + "],\"outputs\":[{\"name\":\"p\"}]}"),
                400,
                "Unknown output 'p'; the model answers [logits]");
        assertError(infer(onnx, "{\"inputs\":"), 400, "not valid JSON");
        assertError(infer(onnx, "{\"inputs\":[]}"), 400, "The request has no inputs");
        // Another method on a path of the runtime: 405 naming the one it takes.
        given().header("Authorization", "Bearer " + token.value())
                .get(url)
                .then()
                .statusCode(405)
                .header("Allow", "POST")
                .body("error", equalTo("GET is not allowed here; use POST"));
        given().header("Authorization", "Bearer " + token.value())
                .contentType("application/json")
                .body(good)
                .put("/v2/models/" + onnx.id() + "/ready")
                .then()
                .statusCode(405)
                .header("Allow", "GET");
        // A path under a deployment that names nothing: 404 in the protocol's form.
        given().header("Authorization", "Bearer " + token.value())
                .get("/v2/models/" + onnx.id() + "/versions/1")
                .then()
                .statusCode(404)
                .body("error", startsWith("Nothing is at /v2/models/" + onnx.id()));
    }

    @Test
    void shouldTakeBodiesUpToTheGatewaysLimitAndRefuseLargerOnesBeforeReadingThem()
            throws Exception {
        // The test profile caps /infer at 12 MiB; 11 MiB is over Quarkus's default body limit
        // (10 MiB) that the worker once kept while the gateway forwarded calls up to 64 MiB.
        DeploymentAssignment onnx = assign(ModelFormat.ONNX, "tiny-mlp.onnx");
        Deployments.awaitReport(onnx.id(), "READY");
        String call = "{\"inputs\":[" + EXPECTED_INPUT + "]}";
        Response large = infer(onnx, call + " ".repeat(11 * 1024 * 1024));
        assertThat(large.statusCode()).as(large.asString()).isEqualTo(200);
        assertThat(json.readTree(large.asByteArray()).at("/outputs/0/shape").toString())
                .isEqualTo("[2,3]");
        assertError(
                infer(onnx, call + " ".repeat(13 * 1024 * 1024)),
                413,
                "larger than 12582912 bytes");
        // Without a Content-Length (chunked), the same limit holds while the body is read.
        assertThat(chunked(onnx, call.getBytes(), 1)).isEqualTo(200);
        assertThat(chunked(onnx, call.getBytes(), 13 * 1024 * 1024)).isEqualTo(413);
    }

    /** POSTs {@code call} followed by {@code padding} spaces, chunked; returns the status. */
    private int chunked(DeploymentAssignment a, byte[] call, int padding) throws Exception {
        byte[] spaces = " ".repeat(padding).getBytes();
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost:"
                                                + RestAssured.port
                                                + "/v2/models/"
                                                + a.id()
                                                + "/infer"))
                        .header("Authorization", "Bearer " + token.value())
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofInputStream(
                                        () ->
                                                new SequenceInputStream(
                                                        new ByteArrayInputStream(call),
                                                        new ByteArrayInputStream(spaces))))
                        .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void shouldAnswerCoalescedCallsEachAsItWouldAloneInTheirOrder() throws Exception {
        DeploymentAssignment onnx = assign(ModelFormat.ONNX, "tiny-mlp.onnx");
        Deployments.awaitReport(onnx.id(), "READY");
        String url = "/v2/models/" + onnx.id() + "/calls";
        List<String> calls =
                List.of(
                        "{\"id\":\"a\",\"inputs\":[" + EXPECTED_INPUT + "]}",
                        "{\"inputs\":",
                        "{\"inputs\":[{\"name\":\"other\",\"shape\":[1,4],\"datatype\":\"FP32\","
                                + "\"data\":[1,2,3,4]}]}",
                        "{\"id\":\"b\",\"inputs\":[" + EXPECTED_INPUT + "]}");

        Response response =
                given().header("Authorization", "Bearer " + token.value())
                        .contentType(CallFrames.MEDIA_TYPE)
                        .body(CallFrames.requests(calls.stream().map(String::getBytes).toList()))
                        .post(url);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith(CallFrames.MEDIA_TYPE);
        List<CallFrames.Answer> answers =
                List.of(CallFrames.readAnswers(response.asByteArray(), calls.size()));
        assertThat(answers)
                .extracting(CallFrames.Answer::status)
                .containsExactly(200, 400, 400, 200);
        assertThat(answers).extracting(CallFrames.Answer::batchItems).containsExactly(2, 0, 0, 2);
        JsonNode first = json.readTree(answers.get(0).body());
        assertThat(first.path("id").asText()).isEqualTo("a");
        assertClose(first.path("outputs").get(0).path("data"), expectedLogits());
        assertThat(json.readTree(answers.get(1).body()).path("error").asText())
                .contains("not valid JSON");
        assertThat(json.readTree(answers.get(2).body()).path("error").asText())
                .contains("Unknown input 'other'");
        assertThat(json.readTree(answers.get(3).body()).path("id").asText()).isEqualTo("b");
        byte[] one = CallFrames.requests(List.of(calls.get(0).getBytes()));
        given().contentType(CallFrames.MEDIA_TYPE)
                .body(one)
                .post(url)
                .then()
                .statusCode(401)
                .body("error", equalTo("Authorization: Bearer <inference token> is required"));
        given().header("Authorization", "Bearer " + token.value())
                .contentType(CallFrames.MEDIA_TYPE)
                .body(new byte[] {0, 0, 1, 0, 42})
                .post(url)
                .then()
                .statusCode(400)
                .body("error", equalTo("A length of 256 bytes does not fit the 1 left"));
    }

    @Test
    void shouldServeAPlatformTrainedModelFromColumnsOrAFeatureMatrix() throws Exception {
        Path work = Path.of("target/work/serve-" + UUID.randomUUID());
        var artifact = org.mlplatform.worker.training.TrainingFixtures.irisArchive(work);
        DeploymentAssignment trained = Deployments.trained(artifact.zip(), artifact.signature());
        deployed.add(trained.id());
        FakePlatformApi.ASSIGNED.put(trained.id(), trained);
        Deployments.awaitReport(trained.id(), "READY");
        float[][] rows = {{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}};

        Response columns =
                infer(
                        trained,
                        "{\"inputs\":["
                                + column("sepal_length", rows, 0)
                                + ","
                                + column("sepal_width", rows, 1)
                                + ","
                                + column("petal_length", rows, 2)
                                + ","
                                + column("petal_width", rows, 3)
                                + "]}");
        Response matrix =
                infer(
                        trained,
                        "{\"inputs\":[{\"name\":\"features\",\"shape\":[2,4],\"datatype\":\"FP32\","
                                + "\"data\":[5.1,3.5,1.4,0.2,6.7,3.0,5.2,2.3]}],"
                                + "\"outputs\":[{\"name\":\"probabilities\"}]}");

        org.mlplatform.serving.trained.Prediction expected;
        try (var model =
                org.mlplatform.serving.trained.TrainedModel.loadArchive(
                        artifact.zip(), work.resolve("in-process"), ai.djl.Device.cpu())) {
            expected = model.predictFeatures(rows);
        }
        assertThat(columns.statusCode()).as(columns.asString()).isEqualTo(200);
        JsonNode outputs = json.readTree(columns.asByteArray()).path("outputs");
        assertThat(outputs.get(0).toString())
                .isEqualTo(
                        "{\"name\":\"label\",\"datatype\":\"BYTES\",\"shape\":[2],\"data\":"
                                + json.writeValueAsString(expected.labels())
                                + "}");
        assertThat(outputs.get(1).path("shape").toString()).isEqualTo("[2,3]");
        float[] probabilities = new float[6];
        for (int r = 0; r < 2; r++) {
            System.arraycopy(expected.probabilities()[r], 0, probabilities, r * 3, 3);
        }
        assertClose(outputs.get(1).path("data"), probabilities);
        assertThat(matrix.statusCode()).as(matrix.asString()).isEqualTo(200);
        JsonNode only = json.readTree(matrix.asByteArray()).path("outputs");
        assertThat(only).hasSize(1);
        assertClose(only.get(0).path("data"), probabilities);
        assertError(
                infer(trained, "{\"inputs\":[" + column("sepal_length", rows, 0) + "]}"),
                400,
                "Missing input 'sepal_width'");
    }

    @Test
    void shouldClassifyEncodedImagesAndScaledPixelTensorsWithATrainedCnn() throws Exception {
        Path work = Path.of("target/work/serve-" + UUID.randomUUID());
        var artifact = org.mlplatform.worker.training.TrainingFixtures.stripesArchive(work);
        DeploymentAssignment cnn = Deployments.trained(artifact.zip(), artifact.signature());
        deployed.add(cnn.id());
        FakePlatformApi.ASSIGNED.put(cnn.id(), cnn);
        Deployments.awaitReport(cnn.id(), "READY");
        java.util.Random random = new java.util.Random(5);
        var horizontal = org.mlplatform.worker.training.TrainingFixtures.stripes(true, random);
        var vertical = org.mlplatform.worker.training.TrainingFixtures.stripes(false, random);
        byte[] png1 = org.mlplatform.worker.training.TrainingFixtures.png(horizontal);
        byte[] png2 = org.mlplatform.worker.training.TrainingFixtures.png(vertical);
        float[] pixels = org.mlplatform.serving.trained.Images.scaled(horizontal, 16, 1);

        Response encoded =
                infer(
                        cnn,
                        "{\"inputs\":[{\"name\":\"image\",\"shape\":[2],\"datatype\":\"BYTES\","
                                + "\"data\":[\""
                                + java.util.Base64.getEncoder().encodeToString(png1)
                                + "\",\""
                                + java.util.Base64.getEncoder().encodeToString(png2)
                                + "\"]}]}");
        Response tensor =
                infer(
                        cnn,
                        "{\"inputs\":[{\"name\":\"image\",\"shape\":[1,1,16,16],"
                                + "\"datatype\":\"FP32\",\"data\":"
                                + json.writeValueAsString(pixels)
                                + "}]}");

        org.mlplatform.serving.trained.Prediction expected;
        try (var model =
                org.mlplatform.serving.trained.TrainedModel.loadArchive(
                        artifact.zip(), work.resolve("in-process"), ai.djl.Device.cpu())) {
            expected =
                    model.predictImages(
                            List.of(
                                    javax.imageio.ImageIO.read(
                                            new java.io.ByteArrayInputStream(png1)),
                                    javax.imageio.ImageIO.read(
                                            new java.io.ByteArrayInputStream(png2))));
        }
        assertThat(encoded.statusCode()).as(encoded.asString()).isEqualTo(200);
        JsonNode outputs = json.readTree(encoded.asByteArray()).path("outputs");
        assertThat(outputs.get(0).path("data").toString())
                .isEqualTo(json.writeValueAsString(expected.labels()));
        float[] flat = new float[4];
        System.arraycopy(expected.probabilities()[0], 0, flat, 0, 2);
        System.arraycopy(expected.probabilities()[1], 0, flat, 2, 2);
        assertClose(outputs.get(1).path("data"), flat);
        assertThat(tensor.statusCode()).as(tensor.asString()).isEqualTo(200);
        JsonNode fromPixels = json.readTree(tensor.asByteArray()).path("outputs");
        assertClose(fromPixels.get(1).path("data"), java.util.Arrays.copyOf(flat, 2));
        assertError(
                infer(
                        cnn,
                        "{\"inputs\":[{\"name\":\"image\",\"shape\":[1],"
                                + "\"datatype\":\"BYTES\",\"data\":[\"bm90IGFuIGltYWdl\"]}]}"),
                400,
                "Input 'image' holds no PNG or JPEG image");
        // A 69-byte PNG whose header names 20000 x 20000 pixels is refused before decoding.
        assertError(
                infer(
                        cnn,
                        "{\"inputs\":[{\"name\":\"image\",\"shape\":[1],"
                                + "\"datatype\":\"BYTES\",\"data\":[\""
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                org.mlplatform.serving.trained.Pngs.claiming(
                                                        20_000, 20_000))
                                + "\"]}]}"),
                400,
                "Input 'image' is 20000 x 20000 pixels, more than the 16777216 this runtime"
                        + " decodes (platform.serving.max-image-pixels); the model sees 16 x 16,"
                        + " so a smaller image loses nothing");
    }

    @Test
    void shouldServeAnUploadedDjlArchiveWithItsServingProperties() throws Exception {
        byte[] zip =
                ModelFixtures.zip(
                        new java.util.LinkedHashMap<>(
                                java.util.Map.of(
                                        "serving.properties",
                                        ModelFixtures.text(
                                                "engine=OnnxRuntime\noption.modelName=tiny-mlp\n"),
                                        "tiny-mlp.onnx",
                                        ModelFixtures.bytes("tiny-mlp.onnx"))));
        DeploymentAssignment archive =
                Deployments.of(ModelFormat.DJL, zip, Deployments.ONNX_SIGNATURE, false, 8, 2);
        deployed.add(archive.id());
        FakePlatformApi.ASSIGNED.put(archive.id(), archive);
        Deployments.awaitReport(archive.id(), "READY");

        Response response = infer(archive, "{\"inputs\":[" + EXPECTED_INPUT + "]}");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        JsonNode logits = json.readTree(response.asByteArray()).path("outputs").get(0);
        assertThat(logits.path("name").asText()).isEqualTo("logits");
        assertClose(logits.path("data"), expectedLogits());
    }

    private static String column(String name, float[][] rows, int c) {
        return "{\"name\":\"%s\",\"shape\":[2],\"datatype\":\"FP32\",\"data\":[%s,%s]}"
                .formatted(name, rows[0][c], rows[1][c]);
    }

    private DeploymentAssignment assign(ModelFormat format, String fixture) {
        DeploymentAssignment a =
                Deployments.of(
                        format,
                        ModelFixtures.bytes(fixture),
                        Deployments.ONNX_SIGNATURE,
                        false,
                        8,
                        2);
        deployed.add(a.id());
        FakePlatformApi.ASSIGNED.put(a.id(), a);
        return a;
    }

    private Response infer(DeploymentAssignment a, String body) {
        return Deployments.infer(token.value(), a.id(), body);
    }

    private void assertError(Response response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(json.readTree(response.asByteArray()).path("error").asText()).contains(message);
    }

    private float[] expectedLogits() throws Exception {
        JsonNode expected = json.readTree(ModelFixtures.bytes("tiny-mlp-expected.json"));
        float[] values = new float[6];
        int i = 0;
        for (JsonNode row : expected.path("logits")) {
            for (JsonNode v : row) {
                values[i++] = (float) v.asDouble();
            }
        }
        return values;
    }

    /** The fixture's output for {@link #X} through DJL directly, without the worker. */
    private static float[] inProcess(String fixture, String engine) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/work/in-process-" + UUID.randomUUID()));
        Path file = ModelFixtures.write(dir, fixture, ModelFixtures.bytes(fixture));
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(file)
                        .optEngine(engine)
                        .optTranslator(new NoopTranslator())
                        .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager(engine)) {
            return predictor
                    .predict(new NDList(manager.create(X, new Shape(2, 4))))
                    .get(0)
                    .toFloatArray();
        }
    }

    private static void assertClose(JsonNode data, float[] expected) {
        assertThat(data.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((float) data.get(i).asDouble()).isCloseTo(expected[i], within(1e-5f));
        }
    }
}
