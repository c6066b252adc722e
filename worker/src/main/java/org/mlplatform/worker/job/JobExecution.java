package org.mlplatform.worker.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.mlplatform.contract.job.ClaimJobRequest;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.JobHeartbeatResponse;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.ModelValidationResult;
import org.mlplatform.contract.job.TrainingResult;
import org.mlplatform.serving.artifact.ArtifactException;
import org.mlplatform.worker.config.WorkerConfig;
import org.mlplatform.worker.registration.PlatformApiException;
import org.mlplatform.worker.training.TrainingService;
import org.mlplatform.worker.validation.ModelValidator;

/**
 * Runs one claimed job on the calling (worker) thread: renews its lease every third of the lease
 * duration while it runs, then completes or fails it. A 409 from platform-api means another worker
 * owns the job now: the result is dropped, never retried.
 *
 * <p>A TRAIN job also reports events and checkpoints while it runs and stops between batches when a
 * heartbeat hears its cancel (then it reports {@code cancelled}) or the lease goes stale (then it
 * reports nothing).
 */
@ApplicationScoped
public class JobExecution {

    private static final Logger LOG = Logger.getLogger(JobExecution.class);
    private static final Duration MIN_HEARTBEAT = Duration.ofMillis(100);

    private final JobsApi api;
    private final ModelValidator validator;
    private final MeterRegistry meters;
    private final TrainJob trainJob;

    public JobExecution(
            JobsApi api,
            ModelValidator validator,
            MeterRegistry meters,
            TrainingService training,
            WorkerConfig config) {
        this.api = api;
        this.validator = validator;
        this.meters = meters;
        this.trainJob = new TrainJob(api, training, Path.of(config.workDir()), meters);
    }

    /**
     * Runs the job to its end; heartbeats go out on {@code heartbeats} meanwhile. When it succeeds
     * and {@code next} is set, its completion claims the next job, which is returned.
     */
    Optional<JobAssignment> run(
            JobAssignment job, ScheduledExecutorService heartbeats, ClaimJobRequest next) {
        meters.counter("platform.worker.jobs.claimed", "kind", job.kind().name()).increment();
        LOG.infof("Job %s (%s, attempt %d) claimed", job.jobId(), job.kind(), job.attempt());
        Lease lease = new Lease(job);
        Duration period = heartbeatPeriod(job);
        ScheduledFuture<?> renewal =
                heartbeats.scheduleAtFixedRate(
                        lease::renew, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return finish(job, lease, execute(job, lease), next);
        } finally {
            renewal.cancel(false);
        }
    }

    /**
     * What a job came to: a validation or training result, or an error with its retryability
     * (nothing at all when the job stopped for a cancel or a lost lease; the lease tells which).
     */
    private record Outcome(
            ModelValidationResult validation,
            TrainingResult training,
            String error,
            boolean retryable) {

        Outcome(ModelValidationResult validation, String error, boolean retryable) {
            this(validation, null, error, retryable);
        }
    }

    private Outcome execute(JobAssignment job, Lease lease) {
        if (job.kind() == JobKind.TRAIN && job.train() != null) {
            TrainJob.Result trained = trainJob.run(job, lease.cancelled, lease.stale);
            return new Outcome(null, trained.training(), trained.error(), trained.retryable());
        }
        if (job.kind() != JobKind.VALIDATE_MODEL || job.validateModel() == null) {
            return new Outcome(null, "This worker cannot run " + job.kind() + " jobs", false);
        }
        Timer.Sample sample = Timer.start(meters);
        String valid = "error";
        try {
            ModelValidationResult result = validator.validate(job.validateModel());
            valid = Boolean.toString(result.valid());
            return new Outcome(result, null, false);
        } catch (ArtifactException e) {
            return new Outcome(null, e.getMessage(), e.retryable());
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.errorf(e, "Job %s: validation broke", job.jobId());
            return new Outcome(null, "The worker failed while validating: " + e, true);
        } finally {
            sample.stop(
                    meters.timer(
                            "platform.worker.validation.duration",
                            "format",
                            job.validateModel() == null
                                    ? "unknown"
                                    : job.validateModel().format().wireName(),
                            "valid",
                            valid));
        }
    }

    private Optional<JobAssignment> finish(
            JobAssignment job, Lease lease, Outcome outcome, ClaimJobRequest next) {
        if (lease.stale.get()) {
            dropped(job, "its lease went to another worker while it ran");
            return Optional.empty();
        }
        if (lease.cancelled.get()) {
            LOG.infof("Job %s was cancelled while it ran; reporting it as failed", job.jobId());
        }
        try {
            if (lease.cancelled.get() && job.kind() == JobKind.TRAIN) {
                api.cancelled(job.jobId(), job.leaseToken());
                count("cancelled", job);
                LOG.infof("Job %s: stopped after its cancel", job.jobId());
            } else if (lease.cancelled.get()) {
                api.fail(job.jobId(), job.leaseToken(), "Cancelled while running", false);
                count("failed", job);
            } else if (outcome.error() == null && outcome.training() != null) {
                Optional<JobAssignment> claimed =
                        api.complete(job.jobId(), job.leaseToken(), null, outcome.training(), next);
                count("succeeded", job);
                LOG.infof("Job %s trained: %s", job.jobId(), outcome.training().metrics());
                return claimed;
            } else if (outcome.error() == null) {
                Optional<JobAssignment> claimed =
                        api.complete(
                                job.jobId(), job.leaseToken(), outcome.validation(), null, next);
                count("succeeded", job);
                ModelValidationResult v = outcome.validation();
                LOG.infof(
                        "Job %s completed: valid=%s%s",
                        job.jobId(),
                        v == null ? "-" : v.valid(),
                        v == null || v.valid() ? "" : " (" + v.failureReason() + ")");
                return claimed;
            } else {
                api.fail(job.jobId(), job.leaseToken(), outcome.error(), outcome.retryable());
                count("failed", job);
                LOG.infof(
                        "Job %s failed (retryable=%s): %s",
                        job.jobId(), outcome.retryable(), outcome.error());
            }
        } catch (StaleLeaseException e) {
            dropped(job, e.getMessage());
        } catch (PlatformApiException e) {
            // The lease expires and platform-api queues the job again.
            LOG.warnf("Job %s: could not report the outcome: %s", job.jobId(), e.getMessage());
        }
        return Optional.empty();
    }

    private void dropped(JobAssignment job, String why) {
        meters.counter("platform.worker.jobs.stale", "kind", job.kind().name()).increment();
        LOG.infof("Job %s: result dropped, %s", job.jobId(), why);
    }

    private void count(String outcome, JobAssignment job) {
        meters.counter("platform.worker.jobs." + outcome, "kind", job.kind().name()).increment();
    }

    private static Duration heartbeatPeriod(JobAssignment job) {
        Duration lease =
                job.leaseExpiresAt() == null
                        ? Duration.ofSeconds(30)
                        : Duration.between(Instant.now(), job.leaseExpiresAt());
        Duration third = lease.dividedBy(3);
        return third.compareTo(MIN_HEARTBEAT) < 0 ? MIN_HEARTBEAT : third;
    }

    /** The lease of one running job, renewed from the heartbeat thread. */
    private final class Lease {
        private final JobAssignment job;
        private final AtomicBoolean stale = new AtomicBoolean();
        private final AtomicBoolean cancelled = new AtomicBoolean();

        Lease(JobAssignment job) {
            this.job = job;
        }

        void renew() {
            if (stale.get()) {
                return;
            }
            try {
                JobHeartbeatResponse response = api.heartbeat(job.jobId(), job.leaseToken());
                if (response != null && response.cancelRequested()) {
                    cancelled.set(true);
                }
            } catch (StaleLeaseException e) {
                stale.set(true);
                LOG.infof("Job %s: %s; stopping work on it", job.jobId(), e.getMessage());
            } catch (PlatformApiException e) {
                // Keep trying: the lease is only lost when platform-api says so.
                LOG.warnf("Job %s: heartbeat failed: %s", job.jobId(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warnf("Job %s: heartbeat failed: %s", job.jobId(), e);
            }
        }
    }
}
