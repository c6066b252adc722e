package org.mlplatform.worker.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
 */
final class PlatformTrainingProgress implements TrainingProgress {

    private static final Logger LOG = Logger.getLogger(PlatformTrainingProgress.class);

    private final JobsApi api;
    private final JobAssignment job;
    private final AtomicBoolean cancelled;
    private final AtomicBoolean stale;
    private volatile EpochMetrics lastEpoch;

    PlatformTrainingProgress(
            JobsApi api, JobAssignment job, AtomicBoolean cancelled, AtomicBoolean stale) {
        this.api = api;
        this.job = job;
        this.cancelled = cancelled;
        this.stale = stale;
    }

    @Override
    public void log(String level, String message) {
        LOG.infof("Job %s: %s", job.jobId(), message);
        send(new NewJobEvent(JobEventType.LOG, level, trim(message), null));
    }

    @Override
    public void epochEnded(EpochMetrics metrics) {
        lastEpoch = metrics;
        send(new NewJobEvent(JobEventType.EPOCH, null, null, metrics));
    }

    @Override
    public void checkpointSaved(int epoch, Path checkpoint) {
        if (stale.get()) {
            return;
        }
        try {
            api.checkpoint(job.jobId(), job.leaseToken(), epoch, checkpoint);
            send(
                    new NewJobEvent(
                            JobEventType.CHECKPOINT,
                            null,
                            "Checkpoint saved after epoch " + epoch,
                            lastEpoch));
        } catch (StaleLeaseException e) {
            lost(e);
        } catch (PlatformApiException e) {
            LOG.warnf("Job %s: checkpoint of epoch %d not saved: %s", job.jobId(), epoch, e);
        }
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

    private void send(NewJobEvent event) {
        if (stale.get()) {
            return;
        }
        try {
            api.events(job.jobId(), job.leaseToken(), List.of(event));
        } catch (StaleLeaseException e) {
            lost(e);
        } catch (PlatformApiException e) {
            LOG.warnf("Job %s: an event was not delivered: %s", job.jobId(), e.getMessage());
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
