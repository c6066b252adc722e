package org.mlplatform.api.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.training.TrainingJobs.create;
import static org.mlplatform.api.training.TrainingJobs.dataset;
import static org.mlplatform.api.training.TrainingJobs.events;
import static org.mlplatform.api.training.TrainingJobs.queue;
import static org.mlplatform.api.training.TrainingJobs.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.dataset.Datasets;
import org.mlplatform.api.model.Models;

/** Creating, reading, listing, cancelling and streaming training jobs through the tenant API. */
@QuarkusTest
class TrainingJobsTest {

    private Team team;
    private String dataset;

    @BeforeEach
    void setUp() {
        team = TestData.team();
        dataset = dataset(team.slug(), team.member());
    }

    @Test
    void shouldRefuseSpecsThatDoNotFitTheDatasetNamingTheField() {
        assertRefused("dataset", b -> b.put("dataset", "no-such-data"));
        assertRefused("task", b -> b.put("task", "image-classification"));
        assertRefused("architecture.type", b -> b.put("architecture", Map.of("type", "cnn")));
        assertRefused("labelColumn", b -> b.remove("labelColumn"));
        assertRefused("labelColumn", b -> b.put("labelColumn", "nope"));
        assertRefused(
                "labelColumn",
                b -> {
                    b.put("task", "regression");
                    b.put("labelColumn", "color");
                });
        assertRefused("featureColumns[1]", b -> b.put("featureColumns", List.of("x1", "nope")));
        assertRefused("featureColumns[0]", b -> b.put("featureColumns", List.of("label")));
        assertRefused(
                "hyperparameters.epochs", b -> b.put("hyperparameters", Map.of("epochs", 1001)));
        assertRefused("outputModel", b -> b.put("outputModel", "Not A Slug"));
        assertRefused("warmStart", b -> b.put("warmStart", Map.of("model", "nope", "version", 1)));
        assertThat(
                        as(team.member())
                                .get("/api/v1/tenants/{t}/training-jobs", team.slug())
                                .<Integer>path("total"))
                .isZero();
    }

    @Test
    void shouldRefuseWarmStartFromAnUploadedVersion() {
        String model = Models.create(team.slug(), team.member());
        Models.upload(team.slug(), team.member(), model, Models.randomBytes(10))
                .then()
                .statusCode(202);

        assertRefused("warmStart", b -> b.put("warmStart", Map.of("model", model, "version", 1)));
    }

    @Test
    void shouldResolveDefaultsAndCreateTheOutputModel() {
        Map<String, Object> body = request(dataset);
        String output = (String) body.get("outputModel");

        Response created = create(team.slug(), team.member(), body);

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String id = created.path("id");
        assertThat(created.header("Location"))
                .endsWith("/api/v1/tenants/" + team.slug() + "/training-jobs/" + id);
        assertThat(created.<String>path("status")).isEqualTo("QUEUED");
        assertThat(created.<String>path("task")).isEqualTo("classification");
        // note is TEXT, label is the label: neither is a default feature.
        assertThat(created.<List<String>>path("featureColumns"))
                .containsExactly("x1", "x2", "color", "price");
        assertThat(created.<List<String>>path("classes")).containsExactly("no", "yes");
        assertThat(created.<String>path("architecture.type")).isEqualTo("mlp");
        assertThat(created.<List<Integer>>path("architecture.hiddenLayers"))
                .containsExactly(64, 32);
        assertThat(created.<String>path("architecture.activation")).isEqualTo("relu");
        assertThat(created.<Integer>path("hyperparameters.epochs")).isEqualTo(10);
        assertThat(created.<Integer>path("hyperparameters.batchSize")).isEqualTo(32);
        assertThat(created.<Float>path("hyperparameters.learningRate")).isEqualTo(0.001f);
        assertThat(created.<String>path("hyperparameters.optimizer")).isEqualTo("adam");
        assertThat(created.<Integer>path("hyperparameters.seed")).isEqualTo(42);
        assertThat(created.<Integer>path("attempt")).isEqualTo(1);
        assertThat(created.<Object>path("resultVersion")).isNull();
        Response model =
                as(team.viewer()).get("/api/v1/tenants/{t}/models/{m}", team.slug(), output);
        assertThat(model.statusCode()).isEqualTo(200);
        assertThat(model.<String>path("task")).isEqualTo("TABULAR_CLASSIFICATION");
        Response events = events(team.slug(), team.viewer(), id);
        assertThat(events.<List<Integer>>path("seq")).containsExactly(1);
        assertThat(events.<String>path("[0].type")).isEqualTo("STATUS");
        assertThat(events.<String>path("[0].status")).isEqualTo("QUEUED");
        assertThat(
                        as(team.admin())
                                .queryParam("action", "training_job.created")
                                .get("/api/v1/tenants/{t}/audit-events", team.slug())
                                .<List<String>>path("items.target"))
                .contains(id);
    }

    @Test
    void shouldTakeChosenFeaturesAndRegressionOnNumericLabel() {
        Map<String, Object> body = request(dataset);
        body.put("task", "regression");
        body.put("labelColumn", "price");
        body.put("featureColumns", List.of("x2", "color"));
        body.put("hyperparameters", Map.of("optimizer", "sgd", "epochs", 3));

        Response created = create(team.slug(), team.member(), body);

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.<List<String>>path("featureColumns")).containsExactly("x2", "color");
        assertThat(created.<Object>path("classes")).isNull();
        assertThat(created.<Float>path("hyperparameters.learningRate")).isEqualTo(0.01f);
        assertThat(created.<Float>path("hyperparameters.momentum")).isEqualTo(0.9f);
        assertThat(created.<Integer>path("hyperparameters.epochs")).isEqualTo(3);
    }

    @Test
    void shouldTrainCnnOnImagesWithSortedClasses() throws IOException {
        String images = TestData.unique("img");
        Datasets.upload(team.slug(), team.member(), images, "image-zip", zip())
                .then()
                .statusCode(201);
        Map<String, Object> body = request(images);
        body.put("task", "image-classification");
        body.remove("labelColumn");
        body.put("architecture", Map.of("type", "cnn", "channels", 1));

        Response created = create(team.slug(), team.member(), body);

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.<List<String>>path("classes")).containsExactly("ants", "bees");
        assertThat(created.<Integer>path("architecture.inputSize")).isEqualTo(32);
        assertThat(created.<Integer>path("architecture.channels")).isEqualTo(1);
        assertRefused("task", b -> b.put("dataset", images));
    }

    @Test
    void shouldListNewestFirstAndFilterByStatus() {
        String first = queue(team.slug(), team.member(), dataset);
        String second = queue(team.slug(), team.member(), dataset);
        cancel(first).then().statusCode(200);

        Response all = as(team.viewer()).get("/api/v1/tenants/{t}/training-jobs", team.slug());
        Response queued =
                as(team.viewer())
                        .queryParam("status", "QUEUED")
                        .get("/api/v1/tenants/{t}/training-jobs", team.slug());

        assertThat(all.<List<String>>path("items.id")).containsExactly(second, first);
        assertThat(queued.<List<String>>path("items.id")).containsExactly(second);
        assertThat(queued.<Integer>path("total")).isEqualTo(1);
    }

    @Test
    void shouldCancelQueuedJobAtOnceAndRefuseCancellingItAgain() {
        String id = queue(team.slug(), team.member(), dataset);

        Response cancelled = cancel(id);
        Response again = cancel(id);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.<String>path("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.<String>path("finishedAt")).isNotNull();
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        Response events = events(team.slug(), team.viewer(), id);
        assertThat(events.<List<String>>path("status")).containsExactly("QUEUED", "CANCELLED");
    }

    @Test
    void shouldKeepDatasetWhileAJobUsesIt() {
        String id = queue(team.slug(), team.member(), dataset);

        Response refused =
                as(team.member()).delete("/api/v1/tenants/{t}/datasets/{d}", team.slug(), dataset);
        cancel(id).then().statusCode(200);
        Response deleted =
                as(team.member()).delete("/api/v1/tenants/{t}/datasets/{d}", team.slug(), dataset);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

    @Test
    void shouldStreamEventsAndEndForAFinishedJob() {
        String id = queue(team.slug(), team.member(), dataset);
        cancel(id).then().statusCode(200);

        Response all = stream(id, null);
        Response resumed = stream(id, "1");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("text/event-stream");
        assertThat(all.asString()).contains("id:1", "id:2", "\"status\":\"CANCELLED\"");
        assertThat(all.asString()).contains("\"seq\":1", "\"type\":\"STATUS\"");
        assertThat(resumed.asString()).doesNotContain("id:1\n").contains("id:2");
    }

    @Test
    void shouldHideOtherTenantsJob() {
        String id = queue(team.slug(), team.member(), dataset);

        assertThat(
                        as(team.outsider())
                                .get("/api/v1/tenants/{t}/training-jobs/{id}", team.otherSlug(), id)
                                .statusCode())
                .isEqualTo(404);
        assertThat(
                        as(team.outsider())
                                .post(
                                        "/api/v1/tenants/{t}/training-jobs/{id}/cancel",
                                        team.otherSlug(),
                                        id)
                                .statusCode())
                .isEqualTo(404);
    }

    private Response stream(String id, String lastEventId) {
        var request = as(team.viewer()).accept("text/event-stream");
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        return request.get("/api/v1/tenants/{t}/training-jobs/{id}/events/stream", team.slug(), id);
    }

    private Response cancel(String id) {
        return as(team.member())
                .post("/api/v1/tenants/{t}/training-jobs/{id}/cancel", team.slug(), id);
    }

    private void assertRefused(String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = request(dataset);
        change.accept(body);
        Response refused = create(team.slug(), team.member(), body);
        assertThat(refused.statusCode()).as(field + ": " + refused.asString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<List<String>>path("errors.field")).as(field).contains(field);
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (String name : List.of("bees/1.png", "ants/1.png", "bees/2.png")) {
                out.putArchiveEntry(new ZipArchiveEntry(name));
                out.write(Datasets.png(4, 4));
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
