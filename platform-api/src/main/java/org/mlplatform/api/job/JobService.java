package org.mlplatform.api.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.tenant.Tenant;
import org.mlplatform.contract.job.ClaimJobRequest;
import org.mlplatform.contract.job.CompleteJobRequest;
import org.mlplatform.contract.job.FailJobRequest;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.JobHeartbeatResponse;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;

/**
 * Leasing jobs to workers. A claim takes the next queued job with {@code FOR UPDATE SKIP LOCKED},
 * so concurrent claims never get the same job and never wait for each other; a lease is proven by
 * its token on every later call, so a worker whose lease expired and was taken over cannot finish
 * the job.
 */
@ApplicationScoped
public class JobService {

    private static final Duration MAX_SLICE = Duration.ofSeconds(1);

    private final JobsConfig config;
    private final JobNotifier notifier;
    private final JobQueue queue;
    private final EntityManager em;
    private final Event<JobFinished> finished;
    private final ObjectMapper json;

    public JobService(
            JobsConfig config,
            JobNotifier notifier,
            JobQueue queue,
            EntityManager em,
            Event<JobFinished> finished,
            ObjectMapper json) {
        this.config = config;
        this.notifier = notifier;
        this.queue = queue;
        this.em = em;
        this.finished = finished;
        this.json = json;
    }

    /**
     * Claims the next job, waiting up to {@code waitSeconds} for one (long poll). Blocks a worker
     * thread, never the event loop; each attempt is its own short transaction.
     */
    public Optional<JobAssignment> claim(ClaimJobRequest request) {
        long waitNanos =
                Duration.ofSeconds(request.waitSeconds() == null ? 0 : request.waitSeconds())
                        .toNanos();
        long deadline = System.nanoTime() + waitNanos;
        while (true) {
            long seen = notifier.generation();
            Optional<JobAssignment> claimed =
                    QuarkusTransaction.requiringNew()
                            .call(() -> claimNow(request.workerId(), request.kinds()));
            long left = deadline - System.nanoTime();
            if (claimed.isPresent() || left <= 0) {
                return claimed;
            }
            try {
                notifier.awaitChange(seen, min(Duration.ofNanos(left), MAX_SLICE));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private Optional<JobAssignment> claimNow(UUID workerId, List<JobKind> kinds) {
        @SuppressWarnings("unchecked")
        List<UUID> ids =
                em.createNativeQuery(
                                "select id from jobs where status = 'QUEUED' and kind in (?1)"
                                        + " and not_before <= now()"
                                        + " order by priority desc, created_at"
                                        + " limit 1 for update skip locked",
                                UUID.class)
                        .setParameter(1, kinds.stream().map(Enum::name).toList())
                        .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Job job = em.find(Job.class, ids.get(0));
        Instant now = Instant.now();
        job.status = JobStatus.RUNNING;
        job.leaseOwner = workerId;
        job.leaseToken = UUID.randomUUID();
        job.leaseExpiresAt = now.plus(config.leaseDuration());
        if (job.startedAt == null) {
            job.startedAt = now;
        }
        return Optional.of(assignment(job));
    }

    @Transactional
    public JobHeartbeatResponse heartbeat(UUID id, UUID leaseToken) {
        Job job = leased(id, leaseToken);
        job.leaseExpiresAt = Instant.now().plus(config.leaseDuration());
        return new JobHeartbeatResponse(job.leaseExpiresAt, false);
    }

    @Transactional
    public void complete(UUID id, CompleteJobRequest request) {
        Job job = leased(id, request.leaseToken());
        job.status = JobStatus.SUCCEEDED;
        job.finishedAt = Instant.now();
        job.error = null;
        if (request.validation() != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> result = json.convertValue(request.validation(), Map.class);
            job.result = result;
        }
        endLease(job);
        finished.fire(new JobFinished(job, request.validation()));
    }

    /** A retryable failure queues the job again while attempts remain; otherwise it FAILS. */
    @Transactional
    public void fail(UUID id, FailJobRequest request) {
        Job job = leased(id, request.leaseToken());
        if (request.retryable() && job.attempt < job.maxAttempts) {
            retry(job, request.error());
        } else {
            failForGood(job, request.error());
        }
    }

    /** Puts jobs whose lease expired back in the queue, or fails them after the last attempt. */
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
            String error = "The lease of attempt " + job.attempt + " expired.";
            if (job.attempt < job.maxAttempts) {
                retry(job, error);
            } else {
                failForGood(job, "Gave up after " + job.attempt + " attempts: " + error);
            }
        }
        return ids.size();
    }

    private void retry(Job job, String error) {
        Duration backoff = backoff(job.attempt);
        job.status = JobStatus.QUEUED;
        job.error = error;
        job.attempt++;
        job.notBefore = Instant.now().plus(backoff);
        endLease(job);
        queue.notifyQueued();
    }

    private void failForGood(Job job, String error) {
        job.status = JobStatus.FAILED;
        job.error = error;
        job.finishedAt = Instant.now();
        endLease(job);
        finished.fire(new JobFinished(job, null));
    }

    /** retryBackoff × 2^(attempt-1), at most maxBackoff. */
    Duration backoff(int failedAttempt) {
        Duration backoff = config.retryBackoff();
        for (int i = 1; i < failedAttempt && backoff.compareTo(config.maxBackoff()) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return min(backoff, config.maxBackoff());
    }

    private Job leased(UUID id, UUID leaseToken) {
        Job job = em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw new NotFoundException("No job " + id + ".");
        }
        if (job.status != JobStatus.RUNNING || !leaseToken.equals(job.leaseToken)) {
            throw new StaleLeaseException(
                    "Job "
                            + id
                            + " is "
                            + job.status
                            + " and not leased with this token; stop working on it.");
        }
        return job;
    }

    private static void endLease(Job job) {
        job.leaseOwner = null;
        job.leaseToken = null;
        job.leaseExpiresAt = null;
    }

    private JobAssignment assignment(Job job) {
        String tenant = Tenant.<Tenant>findByIdOptional(job.tenantId).map(t -> t.slug).orElse(null);
        return new JobAssignment(
                job.id,
                job.kind,
                tenant,
                job.attempt,
                job.leaseToken,
                job.leaseExpiresAt,
                job.kind == JobKind.VALIDATE_MODEL ? ValidateSpecs.of(job.spec) : null,
                null);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
