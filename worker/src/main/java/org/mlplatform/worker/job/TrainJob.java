package org.mlplatform.worker.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.TrainingResult;
import org.mlplatform.serving.artifact.Directories;
import org.mlplatform.worker.registration.PlatformApiException;
import org.mlplatform.worker.training.TrainedArtifact;
import org.mlplatform.worker.training.TrainingException;
import org.mlplatform.worker.training.TrainingService;
import org.mlplatform.worker.training.TrainingStoppedException;

/**
 * The TRAIN part of {@link JobExecution}: trains in a directory of its own (deleted afterwards)
 * while the lease's flags can stop it, uploads the archive and says what to report. A stop for a
 * cancel or a lost lease reports nothing here: {@link JobExecution} reads the flags.
 */
final class TrainJob {

    private static final Logger LOG = Logger.getLogger(TrainJob.class);

    /** How long a finished loop waits for its last events and checkpoint to reach platform-api. */
    private static final long REPORT_DRAIN_SECONDS = 120;

    /** What to report: a result, or an error with its retryability, or (all null) nothing. */
    record Result(TrainingResult training, String error, boolean retryable) {
        static final Result NOTHING = new Result(null, null, false);
    }

    private final JobsApi api;
    private final TrainingService training;
    private final Path workDir;
    private final MeterRegistry meters;

    TrainJob(JobsApi api, TrainingService training, Path workDir, MeterRegistry meters) {
        this.api = api;
        this.training = training;
        this.workDir = workDir;
        this.meters = meters;
    }

    Result run(JobAssignment job, AtomicBoolean cancelled, AtomicBoolean stale) {
        Timer.Sample sample = Timer.start(meters);
        String result = "error";
        PlatformTrainingProgress progress =
                new PlatformTrainingProgress(api, job, cancelled, stale);
        Path jobDir = null;
        try {
            jobDir = Files.createDirectories(workDir).resolve("train-" + job.jobId());
            Files.createDirectories(jobDir);
            TrainedArtifact artifact = training.train(job.train(), progress, jobDir);
            // Every epoch and checkpoint reaches platform-api before the model does.
            progress.drain(REPORT_DRAIN_SECONDS);
            if (stale.get() || cancelled.get()) {
                return Result.NOTHING;
            }
            TrainingResult trained =
                    new TrainingResult(
                            api.artifact(job.jobId(), job.leaseToken(), artifact.zip()),
                            artifact.signature(),
                            artifact.metrics(),
                            artifact.classes(),
                            artifact.epochs());
            result = "trained";
            return new Result(trained, null, false);
        } catch (TrainingStoppedException e) {
            result = e.reason().name().toLowerCase(Locale.ROOT);
            if (e.reason() == TrainingStoppedException.Reason.LEASE_LOST) {
                stale.set(true);
            }
            return Result.NOTHING;
        } catch (TrainingException e) {
            return new Result(null, e.getMessage(), e.retryable());
        } catch (StaleLeaseException e) {
            stale.set(true);
            return Result.NOTHING;
        } catch (PlatformApiException e) {
            return new Result(null, "Uploading the model failed: " + e.getMessage(), true);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            LOG.errorf(e, "Job %s: training broke", job.jobId());
            return new Result(null, "The worker failed while training: " + e, true);
        } finally {
            progress.drain(REPORT_DRAIN_SECONDS);
            progress.close();
            if (jobDir != null) {
                Directories.deleteRecursively(jobDir);
            }
            sample.stop(meters.timer("platform.worker.training.duration", "result", result));
        }
    }
}
