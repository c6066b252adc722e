package org.mlplatform.worker.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.job.ModelValidationResult;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.serving.trained.Networks;
import org.mlplatform.serving.trained.Prediction;
import org.mlplatform.serving.trained.Preprocessing;
import org.mlplatform.serving.trained.TrainedModel;
import org.mlplatform.serving.trained.TrainedTranslator;
import org.mlplatform.worker.registration.FakePlatformApi;
import org.mlplatform.worker.validation.ModelValidator;

/** Trained archives load back through {@link TrainedModel} and predict what training saw. */
@QuarkusTest
@WithTestResource(FakePlatformApi.class)
class TrainedModelTest {

    @Inject ModelValidator validator;

    private final Path work = Path.of("target/work/model-" + UUID.randomUUID());

    @Test
    void shouldLoadTheArchiveAndPredictLikeTheInMemoryModel() throws Exception {
        Hyperparameters hp = TrainingFixtures.hyperparameters(15, 16, 0.01);
        TrainingData data =
                prepare(TrainingTask.CLASSIFICATION, "species", TrainingFixtures.irisCsv(), hp);
        TrainingPlan plan = TrainingFixtures.plan(TrainingFixtures.mlp(0), hp, data, work, null);
        TrainedArtifact artifact = TrainingPipeline.trainAndPack(plan, TrainingProgress.NONE, work);

        Samples validation = data.validation();
        Prediction expected = inMemory(plan, artifact.run(), validation);
        try (TrainedModel model =
                TrainedModel.loadArchive(artifact.zip(), work.resolve("unpacked"), Device.cpu())) {
            Prediction actual = model.predictEncoded(validation.x(), validation.count());
            Prediction fromRows =
                    model.predictFeatures(
                            new float[][] {{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}});

            assertThat(actual.labels()).isEqualTo(expected.labels());
            for (int i = 0; i < validation.count(); i++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(actual.probabilities()[i][c])
                            .isCloseTo(expected.probabilities()[i][c], within(1e-6f));
                }
            }
            long correct = 0;
            for (int i = 0; i < validation.count(); i++) {
                correct +=
                        actual.labels()
                                        .get(i)
                                        .equals(
                                                data.preprocessing()
                                                        .classes()
                                                        .get((int) validation.y()[i]))
                                ? 1
                                : 0;
            }
            assertThat((double) correct / validation.count())
                    .isCloseTo(artifact.metrics().get("validationAccuracy"), within(1e-9));
            assertThat(fromRows.labels()).containsExactly("setosa", "virginica");
            assertThat(model.card().inputs())
                    .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
            assertThat(model.signature().inputs()).hasSize(4);
            assertThat(model.signature().outputs().get(0).name()).isEqualTo("label");
        }
        // serving.properties alone is enough for DJL's standard loading: no model name, engine
        // or block given here, the block factory it names rebuilds the network.
        Path plain = work.resolve("plain");
        try (TrainedModel ignored = TrainedModel.loadArchive(artifact.zip(), plain, Device.cpu());
                ZooModel<NDList, NDList> standard =
                        Criteria.builder()
                                .setTypes(NDList.class, NDList.class)
                                .optModelPath(plain)
                                .build()
                                .loadModel();
                Predictor<NDList, NDList> predictor = standard.newPredictor();
                NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            float[] first = Arrays.copyOf(validation.x(), validation.sampleSize());
            NDList logits =
                    predictor.predict(
                            new NDList(manager.create(first, new Shape(1, first.length))));
            float[] probabilities = logits.singletonOrThrow().softmax(1).toFloatArray();
            for (int c = 0; c < 3; c++) {
                assertThat(probabilities[c])
                        .isCloseTo(expected.probabilities()[0][c], within(1e-6f));
            }
        }
    }

    @Test
    void shouldPassTheWorkersOwnModelValidationAsADjlArchive() throws Exception {
        Hyperparameters hp = TrainingFixtures.hyperparameters(2, 16, 0.01);
        TrainingData data =
                prepare(TrainingTask.CLASSIFICATION, "species", TrainingFixtures.irisCsv(), hp);
        TrainedArtifact artifact =
                TrainingPipeline.trainAndPack(
                        TrainingFixtures.plan(TrainingFixtures.mlp(0), hp, data, work, null),
                        TrainingProgress.NONE,
                        work);

        ModelValidationResult result = validator.validateFile(artifact.zip(), ModelFormat.DJL);

        assertThat(result.valid()).as(result.failureReason()).isTrue();
        assertThat(result.engine()).isEqualTo("PyTorch");
        assertThat(result.inferenceMillis()).isNotNull();
    }

    @Test
    void shouldLearnARegressionWithAnRmseWellBelowTheLabelsSpread() throws Exception {
        Hyperparameters hp = TrainingFixtures.hyperparameters(30, 32, 0.01);
        TrainingData data =
                prepare(TrainingTask.REGRESSION, "y", TrainingFixtures.regressionCsv(600, 3), hp);
        TrainedArtifact artifact =
                TrainingPipeline.trainAndPack(
                        TrainingFixtures.plan(TrainingFixtures.mlp(0), hp, data, work, null),
                        TrainingProgress.NONE,
                        work);

        double labelStd = data.preprocessing().labelStd();
        assertThat(labelStd).isGreaterThan(3);
        assertThat(artifact.metrics().get("validationRmse")).isLessThan(labelStd * 0.2);
        assertThat(artifact.metrics().get("validationMae")).isLessThan(labelStd * 0.2);
        try (TrainedModel model = TrainedModel.load(artifact.modelDir(), Device.cpu())) {
            float predicted =
                    model.predictRecords(List.of(Map.of("x1", "1", "x2", "0", "x3", "0")))
                            .values()[0];
            assertThat((double) predicted).isCloseTo(13.0, within(labelStd * 0.3));
            assertThat(model.signature().outputs().get(0).name()).isEqualTo("prediction");
        }
    }

    @Test
    void shouldSendUnseenCategoriesAndEmptyCellsToTheUnknownBucket() throws Exception {
        StringBuilder csv = new StringBuilder("colour,size,label\n");
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            boolean red = random.nextBoolean();
            csv.append(red ? "red" : "blue").append(',');
            csv.append(i % 7 == 0 ? "" : Double.toString(random.nextGaussian())).append(',');
            csv.append(red ? "hot" : "cold").append('\n');
        }
        Hyperparameters hp = TrainingFixtures.hyperparameters(20, 16, 0.02);
        TrainingData data =
                prepare(
                        TrainingTask.CLASSIFICATION,
                        "label",
                        csv.toString().getBytes(StandardCharsets.UTF_8),
                        hp);
        Preprocessing.Feature colour = data.preprocessing().features().get(0);

        assertThat(colour.categories()).containsExactly("blue", "red");
        assertThat(data.preprocessing().encodeRow(new String[] {"green", "0.5"}))
                .containsExactly(
                        0f,
                        0f,
                        1f,
                        (float)
                                ((0.5 - data.preprocessing().features().get(1).mean())
                                        / data.preprocessing().features().get(1).std()));
        assertThat(data.preprocessing().encodeRow(new String[] {"", ""}))
                .containsExactly(0f, 0f, 1f, 0f);

        TrainedArtifact artifact =
                TrainingPipeline.trainAndPack(
                        TrainingFixtures.plan(TrainingFixtures.mlp(0), hp, data, work, null),
                        TrainingProgress.NONE,
                        work);
        try (TrainedModel model = TrainedModel.load(artifact.modelDir(), Device.cpu())) {
            Prediction prediction =
                    model.predictRows(
                            List.of(
                                    new String[] {"red", "0.1"},
                                    new String[] {"blue", ""},
                                    new String[] {"green", "0.1"}));
            assertThat(prediction.labels().subList(0, 2)).containsExactly("hot", "cold");
            assertThat(prediction.probabilities()[2][0] + prediction.probabilities()[2][1])
                    .isCloseTo(1f, within(1e-5f));
            assertThat(model.signature().inputs().get(0).dataType()).isEqualTo("string");
        }
    }

    @Test
    void shouldLearnStripedImagesWithTheCnn() throws Exception {
        Hyperparameters hp = TrainingFixtures.hyperparameters(6, 8, 0.005);
        Path zip = TrainingFixtures.write(work, "stripes.zip", TrainingFixtures.stripesZip(30, 11));
        TrainingData data =
                TrainingPipeline.prepare(
                        DatasetFormat.IMAGE_ZIP,
                        zip,
                        TrainingFixtures.settings(TrainingTask.IMAGE_CLASSIFICATION, null, hp));
        TrainedArtifact artifact =
                TrainingPipeline.trainAndPack(
                        TrainingFixtures.plan(TrainingFixtures.cnn(), hp, data, work, null),
                        TrainingProgress.NONE,
                        work);

        assertThat(data.preprocessing().classes()).containsExactly("horizontal", "vertical");
        assertThat(artifact.metrics().get("validationAccuracy")).isGreaterThanOrEqualTo(0.9);
        try (TrainedModel model = TrainedModel.load(artifact.modelDir(), Device.cpu())) {
            Random random = new Random(99);
            Prediction prediction =
                    model.predictImages(
                            List.of(
                                    TrainingFixtures.stripes(true, random),
                                    TrainingFixtures.stripes(false, random)));
            assertThat(prediction.labels()).containsExactly("horizontal", "vertical");
            assertThat(model.signature().inputs().get(0).shape())
                    .containsExactly(-1L, 1L, 16L, 16L);
        }
    }

    @Test
    void shouldRefuseAWarmStartWhoseShapesDoNotFit() throws Exception {
        Hyperparameters hp = TrainingFixtures.hyperparameters(1, 16, 0.01);
        TrainingData iris =
                prepare(TrainingTask.CLASSIFICATION, "species", TrainingFixtures.irisCsv(), hp);
        TrainedArtifact trained =
                TrainingPipeline.trainAndPack(
                        TrainingFixtures.plan(TrainingFixtures.mlp(0), hp, iris, work, null),
                        TrainingProgress.NONE,
                        work);
        TrainingData regression =
                prepare(TrainingTask.REGRESSION, "y", TrainingFixtures.regressionCsv(50, 1), hp);
        Path out = work.resolve("warm");
        java.nio.file.Files.createDirectories(out);

        TrainingPlan warm =
                new TrainingPlan(
                        TrainingFixtures.mlp(0),
                        hp,
                        regression,
                        Device.cpu(),
                        out,
                        trained.modelDir(),
                        null,
                        null,
                        null);
        TrainingPlan fits =
                new TrainingPlan(
                        TrainingFixtures.mlp(0),
                        hp,
                        iris,
                        Device.cpu(),
                        out,
                        trained.modelDir(),
                        null,
                        null,
                        null);

        assertThatThrownBy(() -> new TrainingLoop(warm, TrainingProgress.NONE).run())
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("warm-start")
                .hasMessageContaining("shape")
                .satisfies(e -> assertThat(((TrainingException) e).retryable()).isFalse());
        TrainingFixtures.Recording progress = new TrainingFixtures.Recording(out, 0);
        new TrainingLoop(fits, progress).run();
        assertThat(progress.logs).anyMatch(l -> l.contains("warm-start"));
        // Warm weights start where the trained model ended: far better than a random first epoch.
        assertThat(progress.epochs.get(0).trainLoss())
                .isLessThan(trained.run().history().get(0).trainLoss());
    }

    private TrainingData prepare(TrainingTask task, String label, byte[] csv, Hyperparameters hp)
            throws Exception {
        Path file = TrainingFixtures.write(work, UUID.randomUUID() + ".csv", csv);
        return TrainingPipeline.prepare(
                DatasetFormat.CSV, file, TrainingFixtures.settings(task, label, hp));
    }

    private static Prediction inMemory(TrainingPlan plan, TrainingRun run, Samples samples)
            throws Exception {
        try (Model model = Model.newInstance("in-memory", Device.cpu(), "PyTorch")) {
            Block block = Networks.build(plan.architecture(), run.preprocessing());
            List<Long> dims = new ArrayList<>(List.of(1L));
            Arrays.stream(run.preprocessing().sampleShape()).forEach(dims::add);
            block.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(dims.stream().mapToLong(Long::longValue).toArray()));
            block.loadParameters(
                    model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(run.bestWeights())));
            model.setBlock(block);
            try (Predictor<TrainedTranslator.Batch, Prediction> predictor =
                    model.newPredictor(new TrainedTranslator(run.preprocessing()))) {
                return predictor.predict(new TrainedTranslator.Batch(samples.x(), samples.count()));
            }
        }
    }
}
