package org.mlplatform.worker.training;

import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.serving.trained.ModelCard;
import org.mlplatform.serving.trained.Preprocessing;
import org.mlplatform.serving.trained.TrainedModel;

/**
 * The steps from a dataset file to a trained, packed and reloaded model, without any platform call:
 * the job service and the direct benchmark both run them.
 */
public final class TrainingPipeline {

    private TrainingPipeline() {}

    /** Reads and encodes a dataset file. */
    public static TrainingData prepare(DatasetFormat format, Path file, DataSettings settings)
            throws IOException, TrainingException {
        boolean images = settings.task() == TrainingTask.IMAGE_CLASSIFICATION;
        if (images != (format == DatasetFormat.IMAGE_ZIP)) {
            throw TrainingException.badData(
                    "The task %s needs %s dataset, this one is %s."
                            .formatted(
                                    settings.task().wireName(),
                                    images ? "an image-zip" : "a CSV",
                                    format.wireName()));
        }
        return images
                ? ImageZipData.prepare(file, settings)
                : TabularData.prepare(CsvTable.read(file), settings);
    }

    /**
     * Trains, writes the archive into {@code outDir}, loads it back with {@link TrainedModel} and
     * runs one prediction, so only a servable model is reported.
     */
    public static TrainedArtifact trainAndPack(
            TrainingPlan plan, TrainingProgress progress, Path outDir)
            throws TrainingException, TrainingStoppedException {
        plan.data().notes().forEach(note -> progress.log("WARN", note));
        TrainingRun run = new TrainingLoop(plan, progress).run();
        Map<String, Double> metrics = metrics(run);
        Preprocessing preprocessing = run.preprocessing();
        ModelCard card =
                new ModelCard(
                        ModelCard.FORMAT_VERSION,
                        preprocessing.task().wireName(),
                        plan.architecture(),
                        plan.hyperparameters(),
                        preprocessing,
                        preprocessing.image() != null
                                ? List.of("image")
                                : preprocessing.features().stream()
                                        .map(Preprocessing.Feature::name)
                                        .toList(),
                        preprocessing.classes(),
                        metrics,
                        run.epochsTrained());
        Path dir = outDir.resolve("model");
        Path zip = outDir.resolve("model.zip");
        try {
            ArchiveWriter.write(card, run.bestWeights(), plan.device(), dir, zip);
            try (TrainedModel model = TrainedModel.load(dir, plan.device())) {
                Samples sample =
                        plan.data().validation().count() > 0
                                ? plan.data().validation()
                                : plan.data().train();
                model.predictEncoded(Arrays.copyOf(sample.x(), sample.sampleSize()), 1);
                progress.log(
                        "INFO",
                        "Packed the model of epoch %d and loaded it back: %s"
                                .formatted(run.best().epoch(), metrics));
                return new TrainedArtifact(
                        zip,
                        dir,
                        model.signature(),
                        metrics,
                        preprocessing.classes(),
                        run.epochsTrained(),
                        run);
            }
        } catch (IOException
                | MalformedModelException
                | ModelNotFoundException
                | TranslateException e) {
            throw new TrainingException(
                    "The trained model could not be packed and loaded back: " + e.getMessage(),
                    true,
                    e);
        }
    }

    /** The final figures: those of the epoch whose weights were kept. */
    static Map<String, Double> metrics(TrainingRun run) {
        EpochMetrics best = run.best();
        Map<String, Double> metrics = new LinkedHashMap<>();
        put(metrics, "validationLoss", best.validationLoss());
        put(metrics, "validationAccuracy", best.validationAccuracy());
        put(metrics, "validationMae", best.validationMae());
        put(metrics, "validationRmse", best.validationRmse());
        put(metrics, "trainLoss", best.trainLoss());
        put(metrics, "trainAccuracy", best.trainAccuracy());
        put(metrics, "trainMae", best.trainMae());
        put(metrics, "trainRmse", best.trainRmse());
        put(metrics, "bestEpoch", (double) best.epoch());
        put(metrics, "epochsTrained", (double) run.epochsTrained());
        return metrics;
    }

    private static void put(Map<String, Double> metrics, String key, Double value) {
        if (value != null) {
            metrics.put(key, value);
        }
    }
}
