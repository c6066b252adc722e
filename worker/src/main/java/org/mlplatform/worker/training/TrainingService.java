package org.mlplatform.worker.training;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.mlplatform.contract.dataset.ColumnProfile;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.contract.job.TrainSpec;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.serving.ServingConfig;
import org.mlplatform.serving.artifact.ArtifactException;
import org.mlplatform.serving.artifact.ModelArchive;
import org.mlplatform.serving.engine.DjlEngine;
import org.mlplatform.worker.config.WorkerConfig;
import org.mlplatform.worker.validation.ArtifactDownloader;

/**
 * Runs a TRAIN job's spec in a directory of its own: fetches the dataset (and the warm-start
 * archive and the checkpoint to resume from), prepares the data, trains and packs the model. The
 * caller uploads the result and cleans the directory up.
 */
@ApplicationScoped
public class TrainingService {

    private final ArtifactDownloader downloader;
    private final DjlEngine engine;
    private final ServingConfig.Archive limits;

    public TrainingService(
            ArtifactDownloader downloader,
            DjlEngine engine,
            WorkerConfig config,
            ServingConfig serving) {
        this.downloader = downloader;
        this.engine = engine;
        this.limits = serving.archive();
    }

    /** Trains what the spec says; everything it writes goes to {@code jobDir}. */
    public TrainedArtifact train(TrainSpec spec, TrainingProgress progress, Path jobDir)
            throws TrainingException, TrainingStoppedException {
        long started = System.nanoTime();
        if (spec.architecture() == null || spec.task() == null || spec.datasetBlob() == null) {
            throw TrainingException.badData(
                    "The training spec has no architecture, task or dataset.");
        }
        ArchitectureSpec architecture = spec.architecture().withDefaults();
        Hyperparameters hp =
                (spec.hyperparameters() == null
                                ? new Hyperparameters(
                                        null, null, null, null, null, null, null, null)
                                : spec.hyperparameters())
                        .withDefaults();
        try {
            DatasetFormat format =
                    spec.datasetFormat() == null ? DatasetFormat.CSV : spec.datasetFormat();
            Path dataset = fetch(spec.datasetBlob(), jobDir.resolve("dataset"), "dataset");
            progress.log("INFO", "Downloaded the dataset " + spec.dataset() + "; preparing it.");
            TrainingData data =
                    TrainingPipeline.prepare(format, dataset, settings(spec, architecture, hp));
            Files.deleteIfExists(dataset);
            progress.log(
                    "INFO",
                    "Training %s on %d samples, validating on %d."
                            .formatted(
                                    architecture.type().name().toLowerCase(Locale.ROOT),
                                    data.train().count(),
                                    data.validation().count()));
            Path warmStart = spec.warmStart() == null ? null : warmStart(spec.warmStart(), jobDir);
            Path resume =
                    spec.checkpoint() == null
                            ? null
                            : fetch(
                                    new BlobPointer(
                                            spec.checkpoint().sha256(),
                                            spec.checkpoint().sizeBytes()),
                                    jobDir.resolve("resume.bin"),
                                    "checkpoint");
            TrainingPlan plan =
                    new TrainingPlan(
                            architecture,
                            hp,
                            data,
                            engine.device(),
                            jobDir,
                            warmStart,
                            resume,
                            remaining(spec.timeLimit(), started),
                            spec.timeLimit() == null ? null : spec.timeLimit().reason());
            return TrainingPipeline.trainAndPack(plan, progress, jobDir);
        } catch (IOException e) {
            throw new TrainingException("Training failed on I/O: " + e.getMessage(), true, e);
        }
    }

    /** The time limit counts from the job's start: downloads and preparation use it up too. */
    private static Duration remaining(TrainSpec.TimeLimit limit, long started) {
        if (limit == null) {
            return null;
        }
        Duration left =
                Duration.ofSeconds(Math.max(0, limit.seconds()))
                        .minusNanos(System.nanoTime() - started);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static DataSettings settings(
            TrainSpec spec, ArchitectureSpec architecture, Hyperparameters hp) {
        Map<String, ColumnType> types = new HashMap<>();
        if (spec.columns() != null) {
            for (ColumnProfile column : spec.columns()) {
                if (column.type() != null) {
                    types.put(column.name(), column.type());
                }
            }
        }
        return new DataSettings(
                spec.task(),
                spec.labelColumn(),
                spec.featureColumns() == null || spec.featureColumns().isEmpty()
                        ? null
                        : spec.featureColumns(),
                types,
                spec.classes(),
                hp.validationSplit(),
                hp.seed(),
                architecture.inputSize(),
                architecture.channels());
    }

    private Path warmStart(BlobPointer blob, Path jobDir) throws IOException, TrainingException {
        Path zip = fetch(blob, jobDir.resolve("warm-start.zip"), "warm-start model");
        Path dir = Files.createDirectories(jobDir.resolve("warm-start"));
        try {
            return new ModelArchive(limits.maxUnpackedSize().asLongValue(), limits.maxEntries())
                    .unpack(zip, dir);
        } catch (ModelArchive.UnsafeArchiveException e) {
            throw TrainingException.badData(
                    "The warm-start archive is unusable: " + e.getMessage());
        }
    }

    private Path fetch(BlobPointer blob, Path target, String what) throws TrainingException {
        try {
            downloader.download(blob.sha256(), blob.sizeBytes(), target);
            return target;
        } catch (ArtifactException e) {
            throw new TrainingException(
                    "Fetching the " + what + " failed: " + e.getMessage(), e.retryable(), e);
        }
    }
}
