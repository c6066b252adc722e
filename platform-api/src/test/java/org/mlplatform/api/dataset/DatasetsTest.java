package org.mlplatform.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.dataset.Datasets.png;
import static org.mlplatform.api.dataset.Datasets.upload;
import static org.mlplatform.api.dataset.Datasets.uploadCsv;
import static org.mlplatform.api.dataset.Datasets.usage;
import static org.mlplatform.api.model.Models.blobFile;
import static org.mlplatform.api.model.Models.countFiles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.job.Job;
import org.mlplatform.api.model.Models;
import org.mlplatform.api.storage.StorageConfig;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;

@QuarkusTest
class DatasetsTest {

    private static final String PATH = "/api/v1/tenants/{t}/datasets";

    @Inject StorageConfig storage;

    @TempDir Path dir;

    @Test
    void shouldProfileCsvWhileUploadingAndServeProfileAndPreview() {
        Team team = TestData.team();
        String name = TestData.unique("d");
        String csv = "age,city,score\n30,Paris,1.5\n40,Berlin,\n50,Paris,3.5\n,Rome,2.5\n";

        Response created = uploadCsv(team.slug(), team.member(), name, csv);

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.header("Location"))
                .endsWith("/tenants/" + team.slug() + "/datasets/" + name);
        assertThat(created.<String>path("format")).isEqualTo("CSV");
        assertThat(created.<Integer>path("sizeBytes")).isEqualTo(csv.length());
        assertThat(created.<Object>path("images")).isNull();
        Response got = as(team.viewer()).get(PATH + "/{d}", team.slug(), name);
        for (Response r : List.of(created, got)) {
            assertThat(r.<Integer>path("csv.rowCount")).isEqualTo(4);
            assertThat(r.<List<String>>path("csv.columns.name"))
                    .containsExactly("age", "city", "score");
            assertThat(r.<List<String>>path("csv.columns.type"))
                    .containsExactly("NUMERIC", "CATEGORICAL", "NUMERIC");
            assertThat(r.<Integer>path("csv.columns[0].nullCount")).isEqualTo(1);
            assertThat(r.<Float>path("csv.columns[0].min")).isEqualTo(30f);
            assertThat(r.<Float>path("csv.columns[0].max")).isEqualTo(50f);
            assertThat(r.<Float>path("csv.columns[0].mean")).isEqualTo(40f);
            assertThat(r.<Float>path("csv.columns[0].std"))
                    .isCloseTo((float) Math.sqrt(200.0 / 3), within(1e-4f));
            assertThat(r.<Integer>path("csv.columns[2].nullCount")).isEqualTo(1);
            assertThat(r.<Float>path("csv.columns[2].mean")).isEqualTo(2.5f);
            assertThat(r.<Float>path("csv.columns[2].std"))
                    .isCloseTo((float) Math.sqrt(2.0 / 3), within(1e-4f));
            assertThat(r.<Map<String, Integer>>path("csv.columns[1].valueCounts"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("Paris", 2, "Berlin", 1, "Rome", 1));
            assertThat(r.<Integer>path("csv.columns[1].nullCount")).isZero();
        }
        Response preview = as(team.viewer()).get(PATH + "/{d}/preview", team.slug(), name);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.<List<String>>path("columns")).containsExactly("age", "city", "score");
        assertThat(preview.<List<List<String>>>path("rows"))
                .containsExactly(
                        List.of("30", "Paris", "1.5"),
                        List.of("40", "Berlin", ""),
                        List.of("50", "Paris", "3.5"),
                        List.of("", "Rome", "2.5"));
        assertThat(usage(team.slug(), team.viewer())).containsExactly(csv.length(), 1);
    }

    @Test
    void shouldListByNameAndSearch() {
        Team team = TestData.team();
        String a = "alpha-" + UUID.randomUUID().toString().substring(0, 6);
        String b = "beta-" + UUID.randomUUID().toString().substring(0, 6);
        uploadCsv(team.slug(), team.member(), b, Datasets.SMALL_CSV).then().statusCode(201);
        uploadCsv(team.slug(), team.member(), a, "x\n1\n").then().statusCode(201);

        Response all = as(team.viewer()).get(PATH, team.slug());
        Response search = as(team.viewer()).queryParam("q", "ALP").get(PATH, team.slug());
        Response paged =
                as(team.viewer())
                        .queryParam("size", 1)
                        .queryParam("page", 1)
                        .get(PATH, team.slug());

        assertThat(all.<List<String>>path("items.name")).containsExactly(a, b);
        assertThat(all.<Integer>path("total")).isEqualTo(2);
        assertThat(search.<List<String>>path("items.name")).containsExactly(a);
        assertThat(paged.<List<String>>path("items.name")).containsExactly(b);
    }

    @Test
    void shouldRejectRaggedCsvNamingTheLineAndStoreNothing() throws Exception {
        Team team = TestData.team();
        byte[] csv = "a,b\n1,2\n3\n4,5\n".getBytes(StandardCharsets.UTF_8);

        Response response = upload(team.slug(), team.member(), "ragged", "csv", csv);

        assertInvalidAndNothingStored(team, response, csv, "line 3 has 1 fields, the header has 2");
    }

    @Test
    void shouldStopReadingALargeRaggedCsvEarly() throws Exception {
        Team team = TestData.team();
        StringBuilder csv = new StringBuilder("a,b\n1,2\n1,2,3\n");
        while (csv.length() < 900_000) {
            csv.append("12345,67890\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

        Response response = upload(team.slug(), team.member(), "ragged-big", "csv", bytes);

        assertInvalidAndNothingStored(
                team, response, bytes, "line 3 has 3 fields, the header has 2");
    }

    @Test
    void shouldRejectNonUtf8CsvNamingTheLine() throws Exception {
        Team team = TestData.team();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.write("name\nok\ncaf".getBytes(StandardCharsets.US_ASCII));
        csv.write(0xE9); // Latin-1 é
        csv.write("\n".getBytes(StandardCharsets.US_ASCII));

        Response response = upload(team.slug(), team.member(), "latin", "csv", csv.toByteArray());

        assertInvalidAndNothingStored(
                team, response, csv.toByteArray(), "line 3 is not valid UTF-8");
    }

    @Test
    void shouldRefuseEmptyUploadsWith400() {
        Team team = TestData.team();

        for (String format : List.of("csv", "image-zip")) {
            Response response = upload(team.slug(), team.member(), "empty", format, new byte[0]);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.<String>path("errors[0].field")).isEqualTo("body");
        }
        assertThat(usage(team.slug(), team.viewer())).containsExactly(0, 0);
    }

    @Test
    void shouldRefuseBadNameAndBadOrMissingFormatWith400() {
        Team team = TestData.team();
        byte[] csv = Datasets.SMALL_CSV.getBytes(StandardCharsets.UTF_8);

        Response badName = upload(team.slug(), team.member(), "Bad Name", "csv", csv);
        Response noName =
                as(team.member())
                        .contentType(ContentType.BINARY)
                        .body(csv)
                        .queryParam("format", "csv")
                        .post(PATH, team.slug());
        Response badFormat = upload(team.slug(), team.member(), "fine", "parquet", csv);
        Response noFormat =
                as(team.member())
                        .contentType(ContentType.BINARY)
                        .body(csv)
                        .queryParam("name", "fine")
                        .post(PATH, team.slug());

        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.<String>path("errors[0].field")).isEqualTo("name");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.contentType()).startsWith("application/problem+json");
        assertThat(badFormat.<String>path("errors[0].field")).isEqualTo("format");
        assertThat(badFormat.<String>path("errors[0].message")).contains("csv, image-zip");
        assertThat(noFormat.statusCode()).isEqualTo(400);
        assertThat(noFormat.<String>path("errors[0].field")).isEqualTo("format");
    }

    @Test
    void shouldProfileAnImageZipWithClassCounts() throws Exception {
        Team team = TestData.team();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cats/a.png", png(8, 6));
        entries.put("cats/b.png", png(10, 12));
        entries.put("dogs/a.png", png(4, 4));
        entries.put("dogs/b.png", png(4, 5));
        entries.put("dogs/c.png", png(6, 4));
        String name = TestData.unique("img");

        Response created = upload(team.slug(), team.member(), name, "image-zip", zip(entries));

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.<String>path("format")).isEqualTo("IMAGE_ZIP");
        assertThat(created.<Object>path("csv")).isNull();
        assertThat(created.<Integer>path("images.imageCount")).isEqualTo(5);
        assertThat(created.<List<String>>path("images.classes.name"))
                .containsExactly("cats", "dogs");
        assertThat(created.<List<Integer>>path("images.classes.count")).containsExactly(2, 3);
        assertThat(created.<Integer>path("images.minWidth")).isEqualTo(4);
        assertThat(created.<Integer>path("images.maxWidth")).isEqualTo(10);
        assertThat(created.<Integer>path("images.minHeight")).isEqualTo(4);
        assertThat(created.<Integer>path("images.maxHeight")).isEqualTo(12);
        Response preview = as(team.viewer()).get(PATH + "/{d}/preview", team.slug(), name);
        assertThat(preview.statusCode()).isEqualTo(400);
        assertThat(preview.<String>path("type")).endsWith("/preview-unavailable");
    }

    @Test
    void shouldRejectZipSlipAndStoreNothing() throws Exception {
        Team team = TestData.team();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cats/a.png", png(4, 4));
        entries.put("dogs/a.png", png(4, 4));
        entries.put("cats/../../evil.png", png(4, 4));
        byte[] zip = zip(entries);

        Response response = upload(team.slug(), team.member(), "slip", "image-zip", zip);

        assertInvalidAndNothingStored(
                team,
                response,
                zip,
                "entry 'cats/../../evil.png' has a '..' segment that leaves the archive");
    }

    @Test
    void shouldRejectASymlinkEntry() throws Exception {
        Team team = TestData.team();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            add(out, "cats/a.png", png(4, 4));
            add(out, "dogs/a.png", png(4, 4));
            ZipArchiveEntry link = new ZipArchiveEntry("dogs/b.png");
            link.setUnixMode(0120777);
            out.putArchiveEntry(link);
            out.write("../../etc/passwd".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }

        Response response =
                upload(team.slug(), team.member(), "link", "image-zip", bytes.toByteArray());

        assertInvalidAndNothingStored(
                team, response, bytes.toByteArray(), "entry 'dogs/b.png' is a symbolic link");
    }

    @Test
    void shouldRejectAZipBombOnItsCompressionRatioNotTheUploadLimit() throws Exception {
        Team team = TestData.team();
        Path bomb = dir.resolve("bomb.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bomb)) {
            add(out, "cats/a.png", png(4, 4));
            out.putArchiveEntry(new ZipArchiveEntry("dogs/bomb.png"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                out.write(zeros); // 300 MiB of zeros, never held in memory whole
            }
            out.closeArchiveEntry();
        }
        byte[] zip = Files.readAllBytes(bomb);
        assertThat((long) zip.length).isLessThan(storage.maxUploadBytes());

        Response response = upload(team.slug(), team.member(), "bomb", "image-zip", zip);

        assertInvalidAndNothingStored(
                team,
                response,
                zip,
                "entry 'dogs/bomb.png' expands more than 100 times; is it a zip bomb?");
    }

    @Test
    void shouldAnswer413PastTheStorageQuotaAndStoreNothing() throws Exception {
        Team team = TestData.team();
        Datasets.setQuota(team.slug(), 100L, 10);
        StringBuilder csv = new StringBuilder("a\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i).append('\n');
        }

        Response response = uploadCsv(team.slug(), team.member(), "big", csv.toString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.<String>path("type")).endsWith("/storage-quota-exceeded");
        assertThat(countFiles(storage.fs().root().resolve("tmp"))).isZero();
        assertThat(usage(team.slug(), team.viewer())).containsExactly(0, 0);
    }

    @Test
    void shouldAnswer403PastTheDatasetCount() {
        Team team = TestData.team();
        Datasets.setQuota(team.slug(), null, 1);
        Datasets.create(team.slug(), team.member());

        Response second = uploadCsv(team.slug(), team.member(), "second", "x\n2\n");

        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(second.<String>path("type")).endsWith("/quota-exceeded");
        assertThat(usage(team.slug(), team.viewer())[1]).isEqualTo(1);
    }

    @Test
    void shouldRejectDuplicateNameWith409() {
        Team team = TestData.team();
        String name = Datasets.create(team.slug(), team.member());

        Response again = uploadCsv(team.slug(), team.member(), name, "x\n1\n");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(usage(team.slug(), team.viewer())[1]).isEqualTo(1);
    }

    @Test
    void shouldStoreSameBytesOnceAndChargeThemOnce() throws Exception {
        Team team = TestData.team();
        byte[] csv = ("v\n" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);

        String sha =
                upload(team.slug(), team.member(), "first", "csv", csv)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sha256");
        upload(team.slug(), team.member(), "second", "csv", csv).then().statusCode(201);

        assertThat(sha).isEqualTo(sha256(csv));
        assertThat(blobFile(storage.fs().root(), sha)).exists();
        assertThat(usage(team.slug(), team.viewer())).containsExactly(csv.length, 2);
    }

    @Test
    void shouldRefuseToDeleteWhileAQueuedOrRunningJobUsesIt() {
        Team team = TestData.team();
        String name = Datasets.create(team.slug(), team.member());
        Job job = trainJob(Models.tenantId(team.slug()), name);
        String path = PATH + "/{d}";
        try {
            Response whileRunning = as(team.member()).delete(path, team.slug(), name);
            setStatus(job, JobStatus.QUEUED);
            Response whileQueued = as(team.member()).delete(path, team.slug(), name);

            assertThat(whileRunning.statusCode()).isEqualTo(409);
            assertThat(whileRunning.<String>path("type")).endsWith("/dataset-in-use");
            assertThat(whileQueued.statusCode()).isEqualTo(409);
        } finally {
            setStatus(job, JobStatus.SUCCEEDED);
        }
        as(team.member()).delete(path, team.slug(), name).then().statusCode(204);
    }

    @Test
    void shouldFreeStorageAndSlotOnDelete() throws Exception {
        Team team = TestData.team();
        byte[] csv = ("v\n" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        String sha = upload(team.slug(), team.member(), "gone", "csv", csv).path("sha256");
        Path file = blobFile(storage.fs().root(), sha);
        assertThat(file).exists();

        as(team.member()).delete(PATH + "/{d}", team.slug(), "gone").then().statusCode(204);

        assertThat(usage(team.slug(), team.viewer())).containsExactly(0, 0);
        awaitGone(file);
        as(team.viewer()).get(PATH + "/{d}", team.slug(), "gone").then().statusCode(404);
        as(team.member()).delete(PATH + "/{d}", team.slug(), "gone").then().statusCode(404);
    }

    @Test
    void shouldAcceptMultipartUploadWithFilePart() {
        Team team = TestData.team();

        Response response =
                as(team.member())
                        .contentType(ContentType.MULTIPART)
                        .multiPart(
                                "file",
                                "data.csv",
                                Datasets.SMALL_CSV.getBytes(StandardCharsets.UTF_8),
                                "text/csv")
                        .queryParam("name", "form")
                        .queryParam("format", "csv")
                        .post(PATH, team.slug());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(response.<Integer>path("csv.rowCount")).isEqualTo(2);
    }

    private void assertInvalidAndNothingStored(
            Team team, Response response, byte[] content, String detail) throws Exception {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>path("type")).endsWith("/invalid-dataset");
        assertThat(response.<String>path("detail")).isEqualTo(detail);
        assertThat(blobFile(storage.fs().root(), sha256(content))).doesNotExist();
        assertThat(countFiles(storage.fs().root().resolve("tmp"))).isZero();
        assertThat(usage(team.slug(), team.viewer())).containsExactly(0, 0);
        assertThat(as(team.viewer()).get(PATH, team.slug()).<Integer>path("total")).isZero();
    }

    private static Job trainJob(long tenantId, String dataset) {
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.tenantId = tenantId;
        job.kind = JobKind.TRAIN;
        job.spec = Map.of("dataset", dataset);
        job.status = JobStatus.RUNNING;
        job.attempt = 1;
        job.maxAttempts = 2;
        job.leaseToken = UUID.randomUUID();
        job.leaseExpiresAt = Instant.now().plusSeconds(3600);
        job.createdAt = Instant.now();
        job.notBefore = job.createdAt.plusSeconds(3600); // never claimed by other tests' workers
        QuarkusTransaction.requiringNew().run(job::persist);
        return job;
    }

    private static void setStatus(Job job, JobStatus status) {
        QuarkusTransaction.requiringNew()
                .run(() -> Job.update("status = ?1 where id = ?2", status, job.id));
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                add(out, e.getKey(), e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static void add(ZipArchiveOutputStream out, String name, byte[] content)
            throws IOException {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        out.write(content);
        out.closeArchiveEntry();
    }

    private static void awaitGone(Path file) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Files.exists(file) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(file).doesNotExist();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
