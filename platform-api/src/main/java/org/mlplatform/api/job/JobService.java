package org.mlplatform.api.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mlplatform.api.common.ApiException;
import org.mlplatform.api.common.ConflictException;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.api.quota.TrainingMeter;
import org.mlplatform.api.storage.StorageService;
import org.mlplatform.contract.common.ProblemDetail.FieldError;
import org.mlplatform.contract.job.CompleteJobRequest;
import org.mlplatform.contract.job.FailJobRequest;
import org.mlplatform.contract.job.JobBatchResponse;
import org.mlplatform.contract.job.JobCompletion;
import org.mlplatform.contract.job.JobEventsRequest;
import org.mlplatform.contract.job.JobHeartbeatResponse;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.job.ModelValidationResult;
import org.mlplatform.contract.training.JobEventType;

/**
 * A leased job's life after the claim ({@link JobClaims}): heartbeats, events, completion, failure,
 * cancel and expired leases. A lease is proven by its token on every call, so a worker whose lease
 * expired and was taken over cannot finish the job. Every change runs under the job's row lock;
 * TRAIN jobs record each status change as an event, meter worker time, and release their checkpoint
 * when they end.
 */
@ApplicationScoped
public class JobService {

    private final JobsConfig config;
    private final JobLeases leases;
    private final JobQueue queue;
    private final JobEvents events;
    private final TrainingMeter meter;
    private final StorageService storage;
    private final EntityManager em;
    private final Event<JobFinished> finished;
    private final ObjectMapper json;

    public JobService(
            JobsConfig config,
            JobLeases leases,
            JobQueue queue,
            JobEvents events,
            TrainingMeter meter,
            StorageService storage,
            EntityManager em,
            Event<JobFinished> finished,
            ObjectMapper json) {
        this.config = config;
        this.leases = leases;
        this.queue = queue;
        this.events = events;
        this.meter = meter;
        this.storage = storage;
        this.em = em;
        this.finished = finished;
        this.json = json;
    }

    /** Renews the lease; tells the worker when the job was cancelled meanwhile. */
    @Transactional
    public JobHeartbeatResponse heartbeat(UUID id, UUID leaseToken) {
        JobLeases.Locked locked = leases.lockLeased(id, leaseToken);
        Instant now = Instant.now();
        Instant until = now.plus(config.leaseDuration());
        if (locked.kind() != JobKind.TRAIN) {
            leases.renew(id, until);
            return new JobHeartbeatResponse(until, locked.cancelRequested());
        }
        Job job = em.find(Job.class, id);
        meter(job, now);
        job.leaseExpiresAt = until;
        return new JobHeartbeatResponse(until, job.cancelRequested);
    }

    /**
     * Ends the job SUCCEEDED. A job of a kind other than TRAIN ends with one update fenced by its
     * lease token; a TRAIN job is loaded (its artifact is checked, its time metered, its blobs
     * released).
     */
    @Transactional
    public void complete(UUID id, CompleteJobRequest request) {
        JobCompletion completion =
                new JobCompletion(id, request.leaseToken(), request.validation(), null);
        if (request.leaseToken() != null && !succeed(List.of(completion)).isEmpty()) {
            return;
        }
        completeLocked(id, request);
    }

    /**
     * Ends a TRAIN job SUCCEEDED with its result; for any other job, finds out why the fenced
     * update did not end it (400, 404 or 409 from the lock).
     */
    private void completeLocked(UUID id, CompleteJobRequest request) {
        leases.lockLeased(id, request.leaseToken());
        Job job = em.find(Job.class, id);
        requireArtifact(job, request);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.convertValue(request.training(), Map.class);
        job.result = map;
        end(job, JobStatus.SUCCEEDED, null, request.training(), Instant.now());
    }

    /**
     * Completes several jobs: those of kinds other than TRAIN in one transaction with one update,
     * then each of the rest in a transaction of its own, so that a refused completion (a stale
     * lease, a TRAIN job without its artifact) is reported and leaves the others standing.
     */
    public JobBatchResponse completeAll(List<JobCompletion> completions) {
        Set<UUID> done =
                QuarkusTransaction.requiringNew().call(() -> new HashSet<>(succeed(completions)));
        List<UUID> completed = new ArrayList<>(completions.size());
        List<JobBatchResponse.Rejected> rejected = new ArrayList<>();
        for (JobCompletion completion : completions) {
            UUID id = completion.jobId();
            if (done.remove(id)) {
                completed.add(id);
                continue;
            }
            try {
                QuarkusTransaction.requiringNew()
                        .run(() -> completeLocked(id, completion.request()));
                completed.add(id);
            } catch (ApiException e) {
                rejected.add(new JobBatchResponse.Rejected(id, e.status(), e.getMessage()));
            }
        }
        return new JobBatchResponse(completed, rejected, List.of());
    }

    /** Ends the listed jobs of kinds other than TRAIN that are leased with their tokens. */
    private List<UUID> succeed(List<JobCompletion> completions) {
        List<JobLeases.Success> wanted =
                completions.stream()
                        .map(
                                c ->
                                        new JobLeases.Success(
                                                c.jobId(),
                                                c.leaseToken(),
                                                c.validation() == null
                                                        ? null
                                                        : leases.toJson(c.validation())))
                        .toList();
        Map<UUID, ModelValidationResult> results = new HashMap<>();
        completions.forEach(c -> results.put(c.jobId(), c.validation()));
        List<UUID> done = new ArrayList<>();
        for (JobLeases.Succeeded job : leases.succeed(wanted)) {
            finished.fire(
                    new JobFinished(
                            job.id(),
                            job.kind(),
                            leases.spec(job.spec()),
                            JobStatus.SUCCEEDED,
                            null,
                            results.get(job.id())));
            done.add(job.id());
        }
        return done;
    }

    /** A retryable failure queues the job again while attempts remain; otherwise it FAILS. */
    @Transactional
    public void fail(UUID id, FailJobRequest request) {
        Job job = leased(id, request.leaseToken());
        if (job.cancelRequested) {
            end(job, JobStatus.CANCELLED, "Cancelled; the worker reported: " + request.error());
        } else if (request.retryable() && job.attempt < job.maxAttempts) {
            retry(job, request.error(), Instant.now());
        } else {
            end(job, JobStatus.FAILED, request.error());
        }
    }

    /** The worker stopped after hearing the cancel: the job ends CANCELLED. */
    @Transactional
    public void cancelled(UUID id, UUID leaseToken) {
        end(leased(id, leaseToken), JobStatus.CANCELLED, "Cancelled; the worker stopped.");
    }

    /** Records a batch of the lease holder's events. */
    @Transactional
    public void events(UUID id, JobEventsRequest request) {
        Job job = leased(id, request.leaseToken());
        request.events().forEach(e -> events.worker(job, e));
    }

    /**
     * A person cancels a job: a QUEUED one ends CANCELLED now, a RUNNING one is marked so that its
     * worker hears it at the next heartbeat; a finished one is a 409. The caller holds the job's
     * row lock.
     */
    @Transactional
    public void cancel(Job job, String actor) {
        if (job.finished()) {
            throw new ConflictException("The job is " + job.status + " already.");
        }
        if (job.status == JobStatus.QUEUED) {
            end(job, JobStatus.CANCELLED, "Cancelled by " + actor + " before it started.");
        } else if (!job.cancelRequested) {
            job.cancelRequested = true;
            events.append(
                    job,
                    JobEventType.STATUS,
                    "INFO",
                    "Cancel requested by " + actor + "; the worker stops at its next heartbeat.",
                    job.status,
                    null);
        }
    }

    /** Puts jobs whose lease expired back in the queue, or ends them after the last attempt. */
    @Transactional
    public int requeueExpired() {
        @SuppressWarnings("unchecked")
        List<UUID> ids =
                em.createNativeQuery(
                                "select id from jobs where status = 'RUNNING'"
                                        + " and lease_expires_at < now()"
                                        + " order by lease_expires_at limit 100"
                                        + " for update skip locked",
                                UUID.class)
                        .getResultList();
        for (UUID id : ids) {
            Job job = em.find(Job.class, id);
            Instant expiredAt = job.leaseExpiresAt;
            String error = "The lease of attempt " + job.attempt + " expired.";
            if (job.cancelRequested) {
                end(job, JobStatus.CANCELLED, "Cancelled; " + error, null, expiredAt);
            } else if (job.attempt < job.maxAttempts) {
                retry(job, error, expiredAt);
            } else {
                String reason = "Gave up after " + job.attempt + " attempts: " + error;
                end(job, JobStatus.FAILED, reason, null, expiredAt);
            }
        }
        return ids.size();
    }

    /** The job, locked, when {@code leaseToken} is its current lease; 409 otherwise. */
    Job leased(UUID id, UUID leaseToken) {
        leases.lockLeased(id, leaseToken);
        return em.find(Job.class, id);
    }

    /** Marks a locked QUEUED TRAIN job as leased to the worker for its next attempt. */
    void start(Job job, UUID workerId) {
        Instant now = Instant.now();
        job.status = JobStatus.RUNNING;
        job.leaseOwner = workerId;
        job.leaseToken = UUID.randomUUID();
        job.leaseExpiresAt = now.plus(config.leaseDuration());
        job.meteredAt = job.kind == JobKind.TRAIN ? now : null;
        if (job.startedAt == null) {
            job.startedAt = now;
        }
        events.status(job, "Attempt " + job.attempt + " started on worker " + workerId + ".");
    }

    /** Ends a job now; see {@link #end(Job, JobStatus, String, Object, Instant)}. */
    void end(Job job, JobStatus status, String error) {
        end(job, status, error, null, Instant.now());
    }

    /**
     * Ends a job: meters its worker time up to {@code until}, lets the feature that queued it react
     * (SUCCEEDED and FAILED; the observer may still turn a success into a failure), records the
     * final status and releases the job's checkpoint and unregistered artifact.
     */
    private void end(Job job, JobStatus status, String error, Object result, Instant until) {
        meter(job, until);
        job.status = status;
        job.error = error;
        job.finishedAt = Instant.now();
        job.meteredAt = null;
        endLease(job);
        if (status != JobStatus.CANCELLED) {
            finished.fire(
                    new JobFinished(job.id, job.kind, job.spec, job.status, job.error, result));
        }
        if (job.kind == JobKind.TRAIN) {
            events.status(job, job.error == null ? "Succeeded." : job.error);
            releaseBlobs(job);
        }
    }

    private void retry(Job job, String error, Instant until) {
        meter(job, until);
        Duration backoff = backoff(job.attempt);
        job.status = JobStatus.QUEUED;
        job.error = error;
        job.attempt++;
        job.notBefore = Instant.now().plus(backoff);
        job.meteredAt = null;
        endLease(job);
        events.status(
                job,
                error
                        + " Requeued as attempt "
                        + job.attempt
                        + " after a backoff of "
                        + backoff.toMillis()
                        + " ms.");
        queue.notifyQueued();
    }

    /** retryBackoff × 2^(attempt-1), at most maxBackoff. */
    Duration backoff(int failedAttempt) {
        Duration backoff = config.retryBackoff();
        for (int i = 1; i < failedAttempt && backoff.compareTo(config.maxBackoff()) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(config.maxBackoff()) <= 0 ? backoff : config.maxBackoff();
    }

    /** Adds the running attempt's time since it was last metered to the job and its tenant. */
    private void meter(Job job, Instant until) {
        if (job.kind != JobKind.TRAIN || job.meteredAt == null || until == null) {
            return;
        }
        long millis = Math.max(0, Duration.between(job.meteredAt, until).toMillis());
        job.trainingMillis += millis;
        job.meteredAt = until.isAfter(job.meteredAt) ? until : job.meteredAt;
        meter.add(job.tenantId, millis);
    }

    private static void requireArtifact(Job job, CompleteJobRequest request) {
        if (request.training() == null || request.training().artifact() == null) {
            throw new InvalidRequestException(
                    "A TRAIN job completes with its training result.",
                    List.of(new FieldError("training.artifact", "must not be null")));
        }
        if (job.artifact == null
                || !job.artifact.sha256().equals(request.training().artifact().sha256())) {
            throw new InvalidRequestException(
                    "The artifact is not the one uploaded for this job.",
                    List.of(
                            new FieldError(
                                    "training.artifact.sha256",
                                    "must be the job's uploaded artifact")));
        }
    }

    private void releaseBlobs(Job job) {
        if (job.checkpoint != null) {
            storage.release(job.tenantId, Job.CHECKPOINT_OWNER, job.num);
            job.checkpoint = null;
        }
        if (job.artifact != null) {
            // Nothing when completion moved the reference to the new version.
            storage.release(job.tenantId, Job.ARTIFACT_OWNER, job.num);
        }
    }

    private static void endLease(Job job) {
        job.leaseOwner = null;
        job.leaseToken = null;
        job.leaseExpiresAt = null;
    }
}
