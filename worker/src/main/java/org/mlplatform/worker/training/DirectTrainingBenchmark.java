package org.mlplatform.worker.training;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.ArchitectureType;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.TrainingTask;

/**
 * Runs the worker's training loop in this process, without Quarkus or any platform call, and prints
 * the training samples per second: the baseline that training through the platform is compared
 * with. Same preparation, network (mlp with the default [64, 32] hidden layers), loop and
 * checkpoint writing as a job; progress goes nowhere.
 *
 * <p>Usage: {@code DirectTrainingBenchmark <csv> <labelColumn> <epochs> <batchSize>}.
 */
public final class DirectTrainingBenchmark {

    private DirectTrainingBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println(
                    "usage: DirectTrainingBenchmark <csv> <labelColumn> <epochs> <batchSize>");
            System.exit(2);
        }
        System.setProperty("ai.djl.offline", "true");
        Path csv = Path.of(args[0]);
        Hyperparameters hp =
                new Hyperparameters(
                                Integer.parseInt(args[2]),
                                Integer.parseInt(args[3]),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)
                        .withDefaults();
        ArchitectureSpec architecture =
                new ArchitectureSpec(ArchitectureType.MLP, null, null, null, null, null)
                        .withDefaults();
        DataSettings settings =
                new DataSettings(
                        TrainingTask.CLASSIFICATION,
                        args[1],
                        null,
                        Map.of(),
                        null,
                        hp.validationSplit(),
                        hp.seed(),
                        architecture.inputSize(),
                        architecture.channels());
        TrainingData data = TrainingPipeline.prepare(DatasetFormat.CSV, csv, settings);
        Path work = Files.createTempDirectory("direct-training");
        TrainingPlan plan =
                new TrainingPlan(
                        architecture, hp, data, Device.cpu(), work, null, null, null, null);
        // A warm-up run first: the worker that trains through the platform is a warm JVM too.
        new TrainingLoop(plan, TrainingProgress.NONE).run();
        long started = System.nanoTime();
        TrainingRun run = new TrainingLoop(plan, TrainingProgress.NONE).run();
        double seconds = (System.nanoTime() - started) / 1e9;
        double trainSeconds = 0;
        for (EpochMetrics epoch : run.history()) {
            trainSeconds += data.train().count() / epoch.samplesPerSecond();
            System.out.printf(
                    Locale.ROOT,
                    "epoch %d: loss %.4f, validation accuracy %.4f, %.0f samples/s%n",
                    epoch.epoch(),
                    epoch.trainLoss(),
                    epoch.validationAccuracy(),
                    epoch.samplesPerSecond());
        }
        System.out.printf(
                Locale.ROOT,
                "direct: %d training samples x %d epochs in %.2f s (loop %.2f s): %.0f samples/s%n",
                data.train().count(),
                run.epochsTrained(),
                trainSeconds,
                seconds,
                data.train().count() * (double) run.epochsTrained() / trainSeconds);
        Files.deleteIfExists(work);
    }
}
