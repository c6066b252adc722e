package org.mlplatform.worker.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.OptimizerType;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.worker.registration.FakePlatformApi;

/**
 * The training loop run directly (no platform calls), inside the shared Quarkus application because
 * DJL's natives load once per JVM.
 */
@QuarkusTest
@WithTestResource(FakePlatformApi.class)
class TrainingLoopTest {

    private final Path work = Path.of("target/work/loop-" + UUID.randomUUID());

    @Test
    void shouldLearnIrisWellAboveChance() throws Exception {
        Hyperparameters hp = TrainingFixtures.hyperparameters(40, 16, 0.01);
        TrainingData data = iris(hp);
        TrainingFixtures.Recording progress = new TrainingFixtures.Recording(work, 0);

        TrainedArtifact artifact =
                TrainingPipeline.trainAndPack(
                        TrainingFixtures.plan(TrainingFixtures.mlp(0), hp, data, work, null),
                        progress,
                        work);

        assertThat(data.validation().count()).isEqualTo(30);
        assertThat(artifact.metrics().get("validationAccuracy")).isGreaterThanOrEqualTo(0.85);
        assertThat(artifact.classes()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(progress.epochs).hasSize(40);
        assertThat(progress.epochs.get(39).samplesPerSecond()).isPositive();
        assertThat(progress.checkpoints).hasSize(40);
        assertThat(artifact.signature().outputs().get(1).shape()).containsExactly(-1L, 3L);
    }

    @Test
    void shouldGiveIdenticalMetricsForTheSameSeed() throws Exception {
        Hyperparameters hp = TrainingFixtures.hyperparameters(4, 16, 0.01);
        List<EpochMetrics> first = run(hp, 0.3, null, 0).epochs;
        List<EpochMetrics> second = run(hp, 0.3, null, 0).epochs;

        assertThat(losses(second)).isEqualTo(losses(first));
        assertThat(first.get(3).validationLoss()).isNotEqualTo(first.get(0).validationLoss());
    }

    @Test
    void shouldResumeFromACheckpointToTheSameResultAsAnUninterruptedRun() throws Exception {
        Hyperparameters hp = TrainingFixtures.hyperparameters(5, 16, 0.01);
        TrainingFixtures.Recording uninterrupted = run(hp, 0.3, null, 0);
        TrainingFixtures.Recording interrupted =
                new TrainingFixtures.Recording(work.resolve("a"), 2);
        assertThatThrownBy(
                        () ->
                                new TrainingLoop(
                                                TrainingFixtures.plan(
                                                        TrainingFixtures.mlp(0.3),
                                                        hp,
                                                        iris(hp),
                                                        work.resolve("a"),
                                                        null),
                                                interrupted)
                                        .run())
                .isInstanceOf(TrainingStoppedException.class);

        TrainingFixtures.Recording resumed = run(hp, 0.3, interrupted.checkpoints.get(2), 0);

        assertThat(resumed.epochs).extracting(EpochMetrics::epoch).containsExactly(3, 4, 5);
        assertThat(losses(resumed.epochs)).isEqualTo(losses(uninterrupted.epochs.subList(2, 5)));
    }

    @Test
    void shouldStopEarlyAndKeepTheBestEpochsWeights() throws Exception {
        Hyperparameters hp =
                new Hyperparameters(300, 8, 0.05, OptimizerType.ADAM, null, 0.2, 7L, 3)
                        .withDefaults();
        TrainingFixtures.Recording progress = new TrainingFixtures.Recording(work, 0);

        TrainingRun run =
                new TrainingLoop(
                                TrainingFixtures.plan(
                                        TrainingFixtures.mlp(0), hp, iris(hp), work, null),
                                progress)
                        .run();

        assertThat(run.epochsTrained()).isLessThan(300).isEqualTo(run.best().epoch() + 3);
        double lowest =
                run.history().stream()
                        .mapToDouble(EpochMetrics::validationLoss)
                        .min()
                        .orElseThrow();
        assertThat(run.best().validationLoss()).isEqualTo(lowest);
        assertThat(progress.logs).anyMatch(l -> l.contains("Early stopping after epoch"));
    }

    @Test
    void shouldLearnIrisWithSgdAndMomentum() throws Exception {
        Hyperparameters hp =
                new Hyperparameters(40, 16, 0.05, OptimizerType.SGD, 0.9, 0.2, 7L, null)
                        .withDefaults();

        TrainingRun run =
                new TrainingLoop(
                                TrainingFixtures.plan(
                                        TrainingFixtures.mlp(0), hp, iris(hp), work, null),
                                TrainingProgress.NONE)
                        .run();

        assertThat(run.best().validationAccuracy()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void shouldFailNotRetryableWhenTheLossDiverges() throws Exception {
        Hyperparameters hp =
                new Hyperparameters(5, 8, 10.0, OptimizerType.SGD, 0.9, 0.2, 7L, null)
                        .withDefaults();
        TrainingData data =
                TrainingPipeline.prepare(
                        DatasetFormat.CSV,
                        TrainingFixtures.write(
                                work, "big.csv", TrainingFixtures.regressionCsv(200, 2)),
                        TrainingFixtures.settings(TrainingTask.REGRESSION, "y", hp));

        assertThatThrownBy(
                        () ->
                                new TrainingLoop(
                                                TrainingFixtures.plan(
                                                        TrainingFixtures.mlp(0),
                                                        hp,
                                                        data,
                                                        work,
                                                        null),
                                                TrainingProgress.NONE)
                                        .run())
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("diverged")
                .hasMessageContaining("learningRate");
    }

    private TrainingFixtures.Recording run(
            Hyperparameters hp, double dropout, Path resumeFrom, int stopAfter) throws Exception {
        Path dir = work.resolve(UUID.randomUUID().toString());
        TrainingFixtures.Recording progress = new TrainingFixtures.Recording(dir, stopAfter);
        new TrainingLoop(
                        TrainingFixtures.plan(
                                TrainingFixtures.mlp(dropout), hp, iris(hp), dir, resumeFrom),
                        progress)
                .run();
        return progress;
    }

    private TrainingData iris(Hyperparameters hp) throws Exception {
        Path csv = TrainingFixtures.write(work, "iris.csv", TrainingFixtures.irisCsv());
        return TrainingPipeline.prepare(
                DatasetFormat.CSV,
                csv,
                TrainingFixtures.settings(TrainingTask.CLASSIFICATION, "species", hp));
    }

    private static List<List<Double>> losses(List<EpochMetrics> epochs) {
        return epochs.stream()
                .map(
                        e ->
                                List.of(
                                        e.trainLoss(),
                                        e.validationLoss(),
                                        e.trainAccuracy(),
                                        e.validationAccuracy()))
                .toList();
    }
}
