package org.mlplatform.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.model.Models.blobFile;
import static org.mlplatform.api.model.Models.countFiles;
import static org.mlplatform.api.model.Models.randomBytes;
import static org.mlplatform.api.model.Models.storageCounterAndRecount;
import static org.mlplatform.api.model.Models.upload;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.Tokens;
import org.mlplatform.api.storage.StorageConfig;

@QuarkusTest
class ModelVersionsTest {

    @Inject StorageConfig storage;
    @Inject EntityManager em;

    @TestHTTPResource("/")
    URI base;

    @Test
    void shouldAcceptUploadsAsValidatingVersionsNumberedOneTwo() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());

        Response first = upload(team.slug(), team.member(), model, randomBytes(1000));
        Response second = upload(team.slug(), team.member(), model, randomBytes(2000));

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(202);
        assertThat(first.<String>path("status")).isEqualTo("VALIDATING");
        assertThat(first.<Integer>path("version")).isEqualTo(1);
        assertThat(first.header("Location")).endsWith("/models/" + model + "/versions/1");
        assertThat(second.<Integer>path("version")).isEqualTo(2);
        assertThat(second.<Integer>path("sizeBytes")).isEqualTo(2000);
        as(team.viewer())
                .get("/api/v1/tenants/{t}/models/{m}", team.slug(), model)
                .then()
                .statusCode(200)
                .body("latestVersion", org.hamcrest.Matchers.equalTo(2))
                .body("versionCount", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void shouldStoreSameBytesOnceAndChargeThemOnce() throws Exception {
        Team team = TestData.team();
        String a = Models.create(team.slug(), team.member());
        String b = Models.create(team.slug(), team.member());
        byte[] bytes = randomBytes(4096);

        String sha = upload(team.slug(), team.member(), a, bytes).path("sha256");
        upload(team.slug(), team.member(), b, bytes).then().statusCode(202);
        upload(team.slug(), team.member(), a, bytes).then().statusCode(202);

        assertThat(sha).isEqualTo(sha256(bytes));
        Path root = storage.fs().root();
        try (var files = Files.walk(root.resolve("blobs"))) {
            assertThat(files.filter(p -> p.getFileName().toString().equals(sha)).count())
                    .isEqualTo(1);
        }
        assertThat(storageUsed(team)).isEqualTo(4096);
        long[] counter = storageCounterAndRecount(em, team.slug());
        assertThat(counter[0]).isEqualTo(counter[1]).isEqualTo(4096);
    }

    @Test
    void shouldRefuseUploadPastQuotaMidStreamLeavingNothingBehind() throws Exception {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        upload(team.slug(), team.member(), model, randomBytes(1000)).then().statusCode(202);
        setStorageQuota(team.slug(), 50_000L);
        long blobsBefore = countFiles(storage.fs().root().resolve("blobs"));

        // No Content-Length (chunked), so the limit is found while streaming.
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                rawUpload(team, model)
                                        .POST(
                                                HttpRequest.BodyPublishers.ofInputStream(
                                                        () ->
                                                                new ByteArrayInputStream(
                                                                        randomBytes(200_000))))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("storage-quota-exceeded");
        assertThat(countFiles(storage.fs().root().resolve("tmp"))).isZero();
        assertThat(countFiles(storage.fs().root().resolve("blobs"))).isEqualTo(blobsBefore);
        assertThat(storageUsed(team)).isEqualTo(1000);
    }

    @Test
    void shouldRefuseUploadOverUploadLimit() throws Exception {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());

        HttpResponse<String> chunked =
                HttpClient.newHttpClient()
                        .send(
                                rawUpload(team, model)
                                        .POST(
                                                HttpRequest.BodyPublishers.ofInputStream(
                                                        () ->
                                                                new ByteArrayInputStream(
                                                                        randomBytes(
                                                                                (int)
                                                                                                storage
                                                                                                        .maxUploadBytes()
                                                                                        + 1))))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        Response withLength =
                upload(
                        team.slug(),
                        team.member(),
                        model,
                        randomBytes((int) storage.maxUploadBytes() + 1));

        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("payload-too-large");
        assertThat(withLength.statusCode()).isEqualTo(413);
        assertThat(withLength.contentType()).startsWith("application/problem+json");
        assertThat(countFiles(storage.fs().root().resolve("tmp"))).isZero();
    }

    @Test
    void shouldAnswer413ForContentLengthOverLimitWithoutReadingTheBody() throws Exception {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        Instant start = Instant.now();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            String request =
                    "POST /api/v1/tenants/"
                            + team.slug()
                            + "/models/"
                            + model
                            + "/versions?format=onnx HTTP/1.1\r\n"
                            + "Host: localhost\r\n"
                            + "Authorization: Bearer "
                            + Tokens.user(team.member())
                            + "\r\nContent-Type: application/octet-stream\r\n"
                            + "Content-Length: 10737418240\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldRefuseEmptyBodyAndBadOrMissingFormatWith400() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        String path = "/api/v1/tenants/{t}/models/{m}/versions";

        Response empty = upload(team.slug(), team.member(), model, new byte[0]);
        Response badFormat =
                as(team.member())
                        .contentType(ContentType.BINARY)
                        .body(randomBytes(10))
                        .post(path + "?format=pickle", team.slug(), model);
        Response noFormat =
                as(team.member())
                        .contentType(ContentType.BINARY)
                        .body(randomBytes(10))
                        .post(path, team.slug(), model);

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(badFormat.statusCode()).as(badFormat.asString()).isEqualTo(400);
        assertThat(badFormat.contentType()).startsWith("application/problem+json");
        assertThat(badFormat.<String>path("errors[0].field")).isEqualTo("format");
        assertThat(badFormat.<String>path("errors[0].message"))
                .contains("onnx|torchscript|djl".replace("|", ", "));
        assertThat(noFormat.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldDownloadWhatWasUploadedWithEtagAnd304() throws Exception {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        byte[] bytes = randomBytes(70_000);
        upload(team.slug(), team.member(), model, bytes).then().statusCode(202);
        String path = "/api/v1/tenants/{t}/models/{m}/versions/1/artifact";

        Response download =
                as(team.viewer()).accept(ContentType.BINARY).get(path, team.slug(), model);
        Response notModified =
                as(team.viewer())
                        .accept(ContentType.BINARY)
                        .header("If-None-Match", "\"" + sha256(bytes) + "\"")
                        .get(path, team.slug(), model);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(sha256(download.asByteArray())).isEqualTo(sha256(bytes));
        assertThat(download.header("Content-Length")).isEqualTo("70000");
        assertThat(download.header("ETag")).isEqualTo("\"" + sha256(bytes) + "\"");
        assertThat(download.header("Content-Disposition")).contains(model + "-v1.onnx");
        assertThat(notModified.statusCode()).isEqualTo(304);
    }

    @Test
    void shouldAcceptMultipartUploadWithFilePart() throws Exception {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        byte[] bytes = randomBytes(3000);

        Response response =
                as(team.member())
                        .contentType(ContentType.MULTIPART)
                        .multiPart("file", "model.pt", bytes, "application/octet-stream")
                        .post(
                                "/api/v1/tenants/{t}/models/{m}/versions?format=torchscript",
                                team.slug(),
                                model);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(response.<String>path("sha256")).isEqualTo(sha256(bytes));
        assertThat(response.<String>path("format")).isEqualTo("TORCHSCRIPT");
    }

    @Test
    void shouldFreeStorageOnDeleteAndKeepBlobWhileReferenced() throws Exception {
        Team team = TestData.team();
        String a = Models.create(team.slug(), team.member());
        String b = Models.create(team.slug(), team.member());
        byte[] bytes = randomBytes(5000);
        String sha = upload(team.slug(), team.member(), a, bytes).path("sha256");
        upload(team.slug(), team.member(), b, bytes).then().statusCode(202);
        Path file = blobFile(storage.fs().root(), sha);

        as(team.member())
                .delete("/api/v1/tenants/{t}/models/{m}/versions/1", team.slug(), a)
                .then()
                .statusCode(204);
        assertThat(file).exists();
        assertThat(storageUsed(team)).isEqualTo(5000);

        as(team.member())
                .delete("/api/v1/tenants/{t}/models/{m}", team.slug(), b)
                .then()
                .statusCode(204);
        awaitGone(file);
        assertThat(storageUsed(team)).isZero();
        assertThat(storageCounterAndRecount(em, team.slug())[1]).isZero();
        as(team.member())
                .get("/api/v1/tenants/{t}/models/{m}/versions/1", team.slug(), a)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldRejectDuplicateModelNameWith409() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        as(team.member())
                .body(Map.of("name", model, "task", "OTHER"))
                .post("/api/v1/tenants/{t}/models", team.slug())
                .then()
                .statusCode(409);
    }

    private HttpRequest.Builder rawUpload(Team team, String model) {
        return HttpRequest.newBuilder(
                        base.resolve(
                                "/api/v1/tenants/"
                                        + team.slug()
                                        + "/models/"
                                        + model
                                        + "/versions?format=onnx"))
                .header("Authorization", "Bearer " + Tokens.user(team.member()))
                .header("Content-Type", "application/octet-stream");
    }

    static void setStorageQuota(String slug, Long bytes) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("maxStorageBytes", bytes);
        body.put("maxModels", 100);
        body.put("maxDatasets", 100);
        as(TestData.platformAdmin(), "platform-admin")
                .body(body)
                .put("/api/v1/admin/tenants/{slug}/quota", slug)
                .then()
                .statusCode(200);
    }

    static long storageUsed(Team team) {
        return ((Number)
                        as(team.viewer())
                                .get("/api/v1/tenants/{t}/quota", team.slug())
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("storageBytes.used"))
                .longValue();
    }

    static void awaitGone(Path file) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Files.exists(file) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            Thread.sleep(20);
        }
        assertThat(file).doesNotExist();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
