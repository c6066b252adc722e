package org.mlplatform.api.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.api.quota.QuotaService;
import org.mlplatform.api.quota.TrainingMeter;
import org.mlplatform.contract.job.ClaimJobRequest;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.job.TrainSpec;

/**
 * Hands queued jobs to workers, fairly between tenants. A claim ranks the active tenants that have
 * an eligible job by their running jobs (fewest first), then the priority and age of their next
 * job, and locks the first tenant's next job with {@code FOR UPDATE SKIP LOCKED}: concurrent claims
 * never get the same job and never wait for each other, and one tenant's thousand queued jobs do
 * not keep another tenant's single job waiting. The tenants are found by a loose index scan over
 * the queued jobs' tenant ids, so a claim costs a few index probes per tenant with queued work,
 * however long the queue is.
 *
 * <p>A tenant's {@code maxConcurrentJobs} is exact under concurrent claims: claiming a TRAIN job of
 * a tenant with that limit takes a transaction-scoped advisory lock of the tenant before counting
 * its running TRAIN jobs. Tenants without the limit (and other kinds of job) never take it.
 */
@ApplicationScoped
public class JobClaims {

    private static final Duration MAX_SLICE = Duration.ofSeconds(1);
    private static final int ROUNDS = 5;

    private static final String CANDIDATES =
            """
            with recursive queued(tenant_id) as (
                (select tenant_id from jobs where status = 'QUEUED'
                 order by tenant_id limit 1)
              union all
                select (select j.tenant_id from jobs j
                        where j.status = 'QUEUED' and j.tenant_id > q.tenant_id
                        order by j.tenant_id limit 1)
                from queued q where q.tenant_id is not null)
            select q.tenant_id, t.slug,
                   (select count(*) from jobs r
                    where r.tenant_id = q.tenant_id and r.status = 'RUNNING') as running
            from queued q
            join tenants t on t.id = q.tenant_id and t.status = 'ACTIVE'
            cross join lateral (
                select j.priority, j.created_at from jobs j
                where j.tenant_id = q.tenant_id and j.status = 'QUEUED' and j.kind in (?1)
                  and j.not_before <= now()
                order by j.priority desc, j.created_at limit 1) h
            order by running, h.priority desc, h.created_at
            limit 10
            """;

    private final JobsConfig config;
    private final JobNotifier notifier;
    private final JobService jobs;
    private final QuotaService quotas;
    private final TrainingMeter meter;
    private final TrainAssignments trainAssignments;
    private final JobLeases leases;
    private final EntityManager em;

    public JobClaims(
            JobsConfig config,
            JobNotifier notifier,
            JobService jobs,
            QuotaService quotas,
            TrainingMeter meter,
            TrainAssignments trainAssignments,
            JobLeases leases,
            EntityManager em) {
        this.config = config;
        this.notifier = notifier;
        this.jobs = jobs;
        this.quotas = quotas;
        this.meter = meter;
        this.trainAssignments = trainAssignments;
        this.leases = leases;
        this.em = em;
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
                Duration slice = Duration.ofNanos(left);
                notifier.awaitChange(seen, slice.compareTo(MAX_SLICE) < 0 ? slice : MAX_SLICE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private Optional<JobAssignment> claimNow(UUID workerId, List<JobKind> kinds) {
        List<String> kindNames = kinds.stream().distinct().map(Enum::name).toList();
        // Another round only after a claimed job failed at once (say, no training time left).
        for (int round = 0; round < ROUNDS; round++) {
            boolean failedOne = false;
            for (Object[] tenant : candidates(kindNames)) {
                long tenantId = ((Number) tenant[0]).longValue();
                JobLeases.Next next = next(tenantId, kindNames, workerId);
                if (next == null) {
                    continue;
                }
                if (next.started()) {
                    return Optional.of(assignment(next, (String) tenant[1]));
                }
                // Only TRAIN jobs are loaded: the spec becomes a TrainSpec, the start is metered.
                Job job = em.find(Job.class, next.id());
                try {
                    TrainSpec train = trainAssignments.build(job);
                    jobs.start(job, workerId);
                    return Optional.of(assignment(job, (String) tenant[1], train));
                } catch (UnrunnableJobException e) {
                    jobs.end(job, JobStatus.FAILED, e.getMessage());
                    failedOne = true;
                    break;
                }
            }
            if (!failedOne) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> candidates(List<String> kinds) {
        return em.createNativeQuery(CANDIDATES).setParameter(1, kinds).getResultList();
    }

    /**
     * The tenant's next job, locked; a TRAIN job only while the tenant is under its concurrency
     * limit (else its next job of another kind, if the worker takes any).
     */
    private JobLeases.Next next(long tenantId, List<String> kinds, UUID workerId) {
        JobLeases.Next job = claimNext(tenantId, kinds, workerId);
        if (job == null || job.started()) {
            return job;
        }
        Long limit = quotas.limits(tenantId).maxConcurrentJobs();
        if (limit == null) {
            return job;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "train-slots:" + tenantId)
                .getSingleResult();
        // Counted after the lock: a concurrent claim of this tenant has committed by now.
        if (meter.runningJobs(tenantId) < limit) {
            return job;
        }
        List<String> others = kinds.stream().filter(k -> !k.equals(JobKind.TRAIN.name())).toList();
        return others.isEmpty() ? null : claimNext(tenantId, others, workerId);
    }

    private JobLeases.Next claimNext(long tenantId, List<String> kinds, UUID workerId) {
        Instant now = Instant.now();
        return leases.claimNext(tenantId, kinds, workerId, now, now.plus(config.leaseDuration()));
    }

    /** The assignment of a job leased without loading it. */
    private JobAssignment assignment(JobLeases.Next job, String tenant) {
        return new JobAssignment(
                job.id(),
                job.kind(),
                tenant,
                job.attempt(),
                job.leaseToken(),
                job.leaseExpiresAt(),
                job.kind() == JobKind.VALIDATE_MODEL
                        ? ValidateSpecs.of(leases.spec(job.spec()))
                        : null,
                null);
    }

    private static JobAssignment assignment(Job job, String tenant, TrainSpec train) {
        return new JobAssignment(
                job.id,
                job.kind,
                tenant,
                job.attempt,
                job.leaseToken,
                job.leaseExpiresAt,
                null,
                train);
    }
}
