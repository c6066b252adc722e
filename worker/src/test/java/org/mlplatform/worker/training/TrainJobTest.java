package org.mlplatform.worker.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.contract.job.Checkpoint;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.TrainSpec;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.ArchitectureType;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.OptimizerType;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.serving.trained.TrainedModel;
import org.mlplatform.worker.registration.FakePlatformApi;
import org.mlplatform.worker.registration.FakePlatformApi.Call;
import org.mlplatform.worker.registration.FakePlatformApi.Upload;

/** TRAIN jobs end to end against the fake platform-api: claim, events, checkpoints, the result. */
@QuarkusTest
@WithTestResource(FakePlatformApi.class)
class TrainJobTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldTrainIrisReportEpochsAndCheckpointsAndCompleteWithTheArtifact() throws Exception {
        JobAssignment job = job(spec(irisBlob(), 12, null, null, null), Duration.ofSeconds(30));

        FakePlatformApi.QUEUED_JOBS.add(job);

        JsonNode training = json.readTree(awaitCall(job, "complete").body()).path("training");
        assertThat(training.path("metrics").path("validationAccuracy").asDouble())
                .isGreaterThanOrEqualTo(0.85);
        assertThat(training.path("epochs").asInt()).isEqualTo(12);
        assertThat(training.path("classes").toString())
                .isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");
        assertThat(training.path("signature").path("outputs").toString())
                .contains("\"name\":\"label\"")
                .contains("\"name\":\"probabilities\",\"dataType\":\"float32\",\"shape\":[-1,3]");
        List<JsonNode> events = events(job);
        assertThat(events.stream().filter(e -> e.path("type").asText().equals("EPOCH")))
                .hasSize(12)
                .allSatisfy(
                        e ->
                                assertThat(e.path("metrics").path("samplesPerSecond").asDouble())
                                        .isPositive());
        assertThat(events).anySatisfy(e -> assertThat(e.path("type").asText()).isEqualTo("LOG"));
        List<Upload> uploads = uploads(job);
        assertThat(uploads.stream().filter(u -> u.kind().equals("checkpoint")).map(Upload::epoch))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Upload artifact =
                uploads.stream().filter(u -> u.kind().equals("artifact")).findFirst().orElseThrow();
        assertThat(training.path("artifact").path("sha256").asText()).isEqualTo(artifact.sha256());

        Path zip = Files.createTempFile("trained", ".zip");
        Files.write(zip, FakePlatformApi.BLOBS.get(artifact.sha256()));
        try (TrainedModel model =
                TrainedModel.loadArchive(
                        zip, Files.createTempDirectory("unpacked"), Device.cpu())) {
            assertThat(model.predictFeatures(new float[][] {{5.0f, 3.4f, 1.5f, 0.2f}}).labels())
                    .containsExactly("setosa");
        }
    }

    @Test
    void shouldResumeFromTheCheckpointInTheSpecToTheSameResult() throws Exception {
        BlobPointer iris = irisBlob();
        JobAssignment whole = job(spec(iris, 4, null, null, null), Duration.ofSeconds(30));
        FakePlatformApi.QUEUED_JOBS.add(whole);
        JsonNode expected = json.readTree(awaitCall(whole, "complete").body()).path("training");
        Upload second =
                uploads(whole).stream().filter(u -> u.epoch() == 2).findFirst().orElseThrow();

        JobAssignment resumed =
                job(
                        spec(
                                iris,
                                4,
                                new Checkpoint(2, second.sha256(), second.sizeBytes()),
                                null,
                                null),
                        Duration.ofSeconds(30));
        FakePlatformApi.QUEUED_JOBS.add(resumed);
        JsonNode actual = json.readTree(awaitCall(resumed, "complete").body()).path("training");

        assertThat(actual.path("metrics")).isEqualTo(expected.path("metrics"));
        assertThat(
                        events(resumed).stream()
                                .filter(e -> e.path("type").asText().equals("EPOCH"))
                                .map(e -> e.path("metrics").path("epoch").asInt()))
                .containsExactly(3, 4);
    }

    @Test
    void shouldStopBetweenBatchesAndReportCancelledWhenAHeartbeatHearsTheCancel() throws Exception {
        JobAssignment job = job(spec(irisBlob(), 5000, null, null, null), Duration.ofMillis(600));
        FakePlatformApi.QUEUED_JOBS.add(job);
        awaitUntil(
                () -> !events(job).isEmpty() && epochs(job) > 0,
                "the first epoch of " + job.jobId());

        FakePlatformApi.CANCEL_REQUESTED.add(job.jobId());

        Call cancelled = awaitCall(job, "cancelled");
        assertThat(json.readTree(cancelled.body()).path("leaseToken").asText())
                .isEqualTo(job.leaseToken().toString());
        assertThat(epochs(job)).isLessThan(5000);
        assertThat(callsOf(job, "complete")).isEmpty();
        assertThat(callsOf(job, "fail")).isEmpty();
        assertThat(uploads(job)).noneMatch(u -> u.kind().equals("artifact"));
    }

    @Test
    void shouldStopAndReportNothingWhenEventsAnswerThatTheLeaseIsStale() throws Exception {
        JobAssignment stale = job(spec(irisBlob(), 5000, null, null, null), Duration.ofSeconds(30));
        FakePlatformApi.STALE_ON_EVENTS.add(stale.leaseToken());
        JobAssignment next = job(spec(irisBlob(), 1, null, null, null), Duration.ofSeconds(30));

        FakePlatformApi.QUEUED_JOBS.add(stale);
        awaitCall(stale, "events");
        FakePlatformApi.QUEUED_JOBS.add(next);
        awaitCall(next, "complete");

        assertThat(callsOf(stale, "events")).hasSize(1);
        assertThat(callsOf(stale, "complete")).isEmpty();
        assertThat(callsOf(stale, "fail")).isEmpty();
        assertThat(callsOf(stale, "cancelled")).isEmpty();
        assertThat(uploads(stale)).isEmpty();
    }

    @Test
    void shouldFailNotRetryableWithTheReasonWhenTheTimeLimitRunsOut() throws Exception {
        TrainSpec.TimeLimit limit =
                new TrainSpec.TimeLimit(0, "The tenant's monthly training time is used up.");
        JobAssignment job = job(spec(irisBlob(), 50, null, limit, null), Duration.ofSeconds(30));

        FakePlatformApi.QUEUED_JOBS.add(job);

        JsonNode fail = json.readTree(awaitCall(job, "fail").body());
        assertThat(fail.path("error").asText()).isEqualTo(limit.reason());
        assertThat(fail.path("retryable").asBoolean()).isFalse();
        assertThat(callsOf(job, "complete")).isEmpty();
    }

    @Test
    void shouldFailNotRetryableWhenTheLabelHasOneClass() throws Exception {
        String csv = "a,b,label\n1,2,yes\n3,4,yes\n5,6,yes\n7,8,yes\n9,10,yes\n";
        JobAssignment job =
                job(
                        spec(blob(csv.getBytes(StandardCharsets.UTF_8)), 3, null, null, "label"),
                        Duration.ofSeconds(30));

        FakePlatformApi.QUEUED_JOBS.add(job);

        JsonNode fail = json.readTree(awaitCall(job, "fail").body());
        assertThat(fail.path("error").asText()).contains("only one class").contains("'yes'");
        assertThat(fail.path("retryable").asBoolean()).isFalse();
    }

    @Test
    void shouldWarmStartFromTheArtifactOfAnEarlierJob() throws Exception {
        BlobPointer iris = irisBlob();
        JobAssignment first = job(spec(iris, 3, null, null, null), Duration.ofSeconds(30));
        FakePlatformApi.QUEUED_JOBS.add(first);
        JsonNode artifact =
                json.readTree(awaitCall(first, "complete").body())
                        .path("training")
                        .path("artifact");
        TrainSpec base = spec(iris, 1, null, null, null);
        TrainSpec warm =
                new TrainSpec(
                        base.dataset(),
                        base.datasetFormat(),
                        base.datasetBlob(),
                        base.task(),
                        base.labelColumn(),
                        base.featureColumns(),
                        base.columns(),
                        base.classes(),
                        base.architecture(),
                        base.hyperparameters(),
                        base.outputModel(),
                        new BlobPointer(
                                artifact.path("sha256").asText(),
                                artifact.path("sizeBytes").asLong()),
                        null,
                        null);
        JobAssignment second = job(warm, Duration.ofSeconds(30));

        FakePlatformApi.QUEUED_JOBS.add(second);

        awaitCall(second, "complete");
        assertThat(events(second))
                .anySatisfy(
                        e -> assertThat(e.path("message").asText()).contains("warm-start model"));
    }

    @Test
    void shouldFailRetryableWhenTheDatasetCannotBeFetched() throws Exception {
        BlobPointer missing = new BlobPointer("b".repeat(64), 10);
        JobAssignment job = job(spec(missing, 3, null, null, null), Duration.ofSeconds(30));

        FakePlatformApi.QUEUED_JOBS.add(job);

        JsonNode fail = json.readTree(awaitCall(job, "fail").body());
        assertThat(fail.path("retryable").asBoolean()).isTrue();
        assertThat(fail.path("error").asText())
                .contains("Fetching the dataset failed")
                .contains("404");
    }

    private static TrainSpec spec(
            BlobPointer dataset,
            int epochs,
            Checkpoint checkpoint,
            TrainSpec.TimeLimit limit,
            String label) {
        return new TrainSpec(
                "iris",
                DatasetFormat.CSV,
                dataset,
                TrainingTask.CLASSIFICATION,
                label == null ? "species" : label,
                null,
                null,
                null,
                new ArchitectureSpec(ArchitectureType.MLP, List.of(16, 16), null, 0.1, null, null),
                new Hyperparameters(epochs, 16, 0.01, OptimizerType.ADAM, null, 0.2, 3L, null),
                "iris-model",
                null,
                checkpoint,
                limit);
    }

    private static JobAssignment job(TrainSpec spec, Duration lease) {
        return new JobAssignment(
                UUID.randomUUID(),
                JobKind.TRAIN,
                "acme",
                1,
                UUID.randomUUID(),
                Instant.now().plus(lease),
                null,
                spec);
    }

    private static BlobPointer irisBlob() throws Exception {
        return blob(TrainingFixtures.irisCsv());
    }

    private static BlobPointer blob(byte[] bytes) throws Exception {
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        FakePlatformApi.BLOBS.put(sha256, bytes);
        return new BlobPointer(sha256, bytes.length);
    }

    private List<JsonNode> events(JobAssignment job) {
        return callsOf(job, "events").stream()
                .flatMap(
                        c -> {
                            try {
                                return java.util.stream.StreamSupport.stream(
                                        json.readTree(c.body()).path("events").spliterator(),
                                        false);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                .toList();
    }

    private int epochs(JobAssignment job) {
        return (int)
                events(job).stream().filter(e -> e.path("type").asText().equals("EPOCH")).count();
    }

    private static List<Upload> uploads(JobAssignment job) {
        return FakePlatformApi.UPLOADS.stream().filter(u -> u.jobId().equals(job.jobId())).toList();
    }

    private static List<Call> callsOf(JobAssignment job, String operation) {
        return FakePlatformApi.jobCalls(job.jobId(), operation);
    }

    private static Call awaitCall(JobAssignment job, String operation) {
        return FakePlatformApi.awaitJobCall(job.jobId(), operation, DEADLINE);
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        FakePlatformApi.awaitUntil(condition, what, DEADLINE);
    }
}
