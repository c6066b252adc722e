package org.mlplatform.worker.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.NewJobEvent;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.JobEventType;
import org.mlplatform.worker.registration.PlatformApiException;
import org.mlplatform.worker.training.TrainingProgress;
import org.mlplatform.worker.training.TrainingStoppedException;

/**
 * A TRAIN job's progress as platform-api hears it: log lines and epochs as events, checkpoints as
 * uploads. A 409 on any of them means the lease is gone: the loop stops at its next batch. A cancel
 * heard by the heartbeat stops it too. Other failures to report are logged and skipped: the next
 * epoch tries again, and the lease decides whether the job lives.
 *
 * <p>Reports go out in order on a thread of their own, so the training thread never waits for
 * platform-api: the next epoch trains while the last checkpoint uploads. {@link #drain()} waits
 * until everything reported has been delivered.
 */
final class PlatformTrainingProgress implements TrainingProgress, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PlatformTrainingProgress.class);

    private final JobsApi api;
    private final JobAssignment job;
    private final AtomicBoolean cancelled;
    private final AtomicBoolean stale;
    private final ExecutorService reporter;

    PlatformTrainingProgress(
            JobsApi api, JobAssignment job, AtomicBoolean cancelled, AtomicBoolean stale) {
        this.api = api;
        this.job = job;
        this.cancelled = cancelled;
        this.stale = stale;
        this.reporter =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread thread = new Thread(r, "job-report-" + job.jobId());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    @Override
    public void log(String level, String message) {
        LOG.infof("Job %s: %s", job.jobId(), message);
        send(new NewJobEvent(JobEventType.LOG, level, trim(message), null));
    }

    @Override
    public void epochEnded(EpochMetrics metrics) {
        send(new NewJobEvent(JobEventType.EPOCH, null, null, metrics));
    }

    @Override
    public void checkpointSaved(int epoch, Path checkpoint) {
        if (stale.get()) {
            return;
        }
        // The loop deletes its file when this returns: the upload takes it over.
        Path upload = checkpoint.resolveSibling(checkpoint.getFileName() + ".upload");
        try {
            Files.move(checkpoint, upload, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warnf("Job %s: checkpoint of epoch %d not saved: %s", job.jobId(), epoch, e);
            return;
        }
        reporter.execute(
                () -> {
                    try {
                        if (!stale.get()) {
                            // platform-api records the CHECKPOINT event itself.
                            api.checkpoint(job.jobId(), job.leaseToken(), epoch, upload);
                        }
                    } catch (StaleLeaseException e) {
                        lost(e);
                    } catch (PlatformApiException e) {
                        LOG.warnf(
                                "Job %s: checkpoint of epoch %d not saved: %s",
                                job.jobId(), epoch, e);
                    } finally {
                        deleteQuietly(upload);
                    }
                });
    }

    @Override
    public Optional<TrainingStoppedException.Reason> stopRequested() {
        if (stale.get()) {
            return Optional.of(TrainingStoppedException.Reason.LEASE_LOST);
        }
        if (cancelled.get()) {
            return Optional.of(TrainingStoppedException.Reason.CANCELLED);
        }
        return Optional.empty();
    }

    /**
     * Waits until every report so far has been delivered (or given up on), at most {@code
     * timeoutSeconds}; later reports are refused.
     */
    void drain(long timeoutSeconds) {
        reporter.shutdown();
        try {
            if (!reporter.awaitTermination(timeoutSeconds, TimeUnit.SECONDS)) {
                LOG.warnf("Job %s: reports still pending after %d s", job.jobId(), timeoutSeconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        reporter.shutdownNow();
    }

    private void send(NewJobEvent event) {
        if (stale.get() || reporter.isShutdown()) {
            return;
        }
        reporter.execute(
                () -> {
                    if (stale.get()) {
                        return;
                    }
                    try {
                        api.events(job.jobId(), job.leaseToken(), List.of(event));
                    } catch (StaleLeaseException e) {
                        lost(e);
                    } catch (PlatformApiException e) {
                        LOG.warnf(
                                "Job %s: an event was not delivered: %s",
                                job.jobId(), e.getMessage());
                    }
                });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("Could not delete %s: %s", file, e.getMessage());
        }
    }

    private void lost(StaleLeaseException e) {
        stale.set(true);
        LOG.infof("Job %s: %s; stopping training", job.jobId(), e.getMessage());
    }

    private static String trim(String message) {
        return message.length() > 4000 ? message.substring(0, 3999) + "…" : message;
    }
}
