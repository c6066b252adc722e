package org.mlplatform.api.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.api.common.ChangeNotifier;
import org.mlplatform.api.common.ChangeNotifier.Channel;
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
 * <p>A claim may take several jobs at once ({@link #claim(UUID, List, Integer, int)}): they are
 * shared between the tenants as that many single claims would share them.
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
    private final ChangeNotifier notifier;
    private final JobService jobs;
    private final QuotaService quotas;
    private final TrainingMeter meter;
    private final TrainAssignments trainAssignments;
    private final JobLeases leases;
    private final EntityManager em;

    public JobClaims(
            JobsConfig config,
            ChangeNotifier notifier,
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
     * Claims the next job, waiting up to {@code waitSeconds} for one (long poll); see {@link
     * #claim(UUID, List, Integer, int)}.
     */
    public Optional<JobAssignment> claim(ClaimJobRequest request) {
        return claim(request.workerId(), request.kinds(), request.waitSeconds(), 1).stream()
                .findFirst();
    }

    /**
     * Claims up to {@code max} jobs, waiting up to {@code waitSeconds} for the first (long poll).
     * Blocks a worker thread, never the event loop; each attempt is its own short transaction.
     */
    public List<JobAssignment> claim(
            UUID workerId, List<JobKind> kinds, Integer waitSeconds, int max) {
        long waitNanos = Duration.ofSeconds(waitSeconds == null ? 0 : waitSeconds).toNanos();
        long deadline = System.nanoTime() + waitNanos;
        while (true) {
            long seen = notifier.generation(Channel.JOBS);
            List<JobAssignment> claimed =
                    QuarkusTransaction.requiringNew().call(() -> claimNow(workerId, kinds, max));
            long left = deadline - System.nanoTime();
            if (!claimed.isEmpty() || left <= 0) {
                return claimed;
            }
            try {
                Duration slice = Duration.ofNanos(left);
                notifier.awaitChange(
                        Channel.JOBS, seen, slice.compareTo(MAX_SLICE) < 0 ? slice : MAX_SLICE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    /**
     * Up to {@code max} jobs, shared between the tenants with eligible work so that each claimed
     * job goes to the tenant with the fewest running jobs so far (counting the ones this claim
     * took), as {@code max} single claims one after another would share them. Another round runs
     * while jobs are still wanted and the last one claimed some, or a claimed job failed at once
     * (say, no training time left).
     */
    private List<JobAssignment> claimNow(UUID workerId, List<JobKind> kinds, int max) {
        List<String> kindNames = kinds.stream().distinct().map(Enum::name).toList();
        List<JobAssignment> claimed = new ArrayList<>();
        Map<Long, long[]> trainSlots = new HashMap<>();
        for (int round = 0; round < ROUNDS && claimed.size() < max; round++) {
            List<Object[]> tenants = candidates(kindNames);
            int[] shares = shares(tenants, max - claimed.size());
            int before = claimed.size();
            boolean failedOne = false;
            for (int i = 0; i < tenants.size(); i++) {
                if (shares[i] > 0) {
                    long tenantId = ((Number) tenants.get(i)[0]).longValue();
                    String slug = (String) tenants.get(i)[1];
                    failedOne |=
                            take(
                                    tenantId,
                                    slug,
                                    kindNames,
                                    workerId,
                                    shares[i],
                                    trainSlots,
                                    claimed);
                }
            }
            if (claimed.size() == before && !failedOne) {
                break;
            }
        }
        return claimed;
    }

    /**
     * How many of {@code slots} jobs each candidate tenant gets: one at a time to the tenant with
     * the fewest running plus given, the earlier candidate on a tie (the candidates come ordered by
     * their running jobs, then their next job's priority and age).
     */
    static int[] shares(List<Object[]> tenants, int slots) {
        int[] shares = new int[tenants.size()];
        for (int slot = 0; slot < slots && !tenants.isEmpty(); slot++) {
            int best = 0;
            long bestLoad = Long.MAX_VALUE;
            for (int i = 0; i < tenants.size(); i++) {
                long load = ((Number) tenants.get(i)[2]).longValue() + shares[i];
                if (load < bestLoad) {
                    best = i;
                    bestLoad = load;
                }
            }
            shares[best]++;
        }
        return shares;
    }

    /**
     * Claims up to {@code share} of the tenant's next jobs into {@code claimed}; TRAIN jobs only
     * while the tenant is under its concurrency limit, else its next jobs of other kinds, if the
     * worker takes any. Returns whether a claimed TRAIN job failed at once.
     */
    private boolean take(
            long tenantId,
            String slug,
            List<String> kinds,
            UUID workerId,
            int share,
            Map<Long, long[]> trainSlots,
            List<JobAssignment> claimed) {
        int taken = 0;
        boolean held = false;
        boolean failedOne = false;
        for (JobLeases.Next next : claimNext(tenantId, kinds, workerId, share)) {
            if (next.started()) {
                claimed.add(assignment(next, slug));
                taken++;
            } else if (!trainSlot(tenantId, trainSlots)) {
                held = true;
            } else if (startTrain(next, slug, workerId, claimed)) {
                taken++;
            } else {
                trainSlots.get(tenantId)[0]++;
                failedOne = true;
            }
        }
        List<String> others = kinds.stream().filter(k -> !k.equals(JobKind.TRAIN.name())).toList();
        if (held && taken < share && !others.isEmpty()) {
            for (JobLeases.Next next : claimNext(tenantId, others, workerId, share - taken)) {
                claimed.add(assignment(next, slug));
            }
        }
        return failedOne;
    }

    /**
     * Takes one of the tenant's TRAIN slots for this transaction; true when the tenant has no
     * {@code maxConcurrentJobs}. The first call per tenant takes the tenant's advisory lock and
     * counts its running TRAIN jobs after it: a concurrent claim of this tenant has committed by
     * then.
     */
    private boolean trainSlot(long tenantId, Map<Long, long[]> trainSlots) {
        long[] left = trainSlots.get(tenantId);
        if (left == null) {
            Long limit = quotas.limits(tenantId).maxConcurrentJobs();
            if (limit == null) {
                left = new long[] {Long.MAX_VALUE};
            } else {
                em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                        .setParameter(1, "train-slots:" + tenantId)
                        .getSingleResult();
                left = new long[] {limit - meter.runningJobs(tenantId)};
            }
            trainSlots.put(tenantId, left);
        }
        if (left[0] <= 0) {
            return false;
        }
        left[0]--;
        return true;
    }

    /**
     * Starts a locked TRAIN job (its spec becomes a TrainSpec, its start is metered) into {@code
     * claimed}; a job that cannot run ends FAILED and gives false.
     */
    private boolean startTrain(
            JobLeases.Next next, String slug, UUID workerId, List<JobAssignment> claimed) {
        Job job = em.find(Job.class, next.id());
        try {
            TrainSpec train = trainAssignments.build(job);
            jobs.start(job, workerId);
            claimed.add(assignment(job, slug, train));
            return true;
        } catch (UnrunnableJobException e) {
            jobs.end(job, JobStatus.FAILED, e.getMessage());
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> candidates(List<String> kinds) {
        return em.createNativeQuery(CANDIDATES).setParameter(1, kinds).getResultList();
    }

    private List<JobLeases.Next> claimNext(
            long tenantId, List<String> kinds, UUID workerId, int limit) {
        Instant now = Instant.now();
        return leases.claimNext(
                tenantId, kinds, workerId, now, now.plus(config.leaseDuration()), limit);
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
