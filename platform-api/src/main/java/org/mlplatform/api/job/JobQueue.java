package org.mlplatform.api.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.mlplatform.api.common.ChangeNotifier;
import org.mlplatform.api.common.ChangeNotifier.Channel;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;

/** Puts jobs in the queue, in the caller's transaction, and wakes waiting claims on commit. */
@ApplicationScoped
public class JobQueue {

    private final JobsConfig config;
    private final JobEvents events;
    private final EntityManager em;
    private final ChangeNotifier notifier;

    public JobQueue(
            JobsConfig config, JobEvents events, EntityManager em, ChangeNotifier notifier) {
        this.config = config;
        this.events = events;
        this.em = em;
        this.notifier = notifier;
    }

    @Transactional(TxType.MANDATORY)
    public Job enqueue(long tenantId, JobKind kind, Map<String, Object> spec, int priority) {
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.tenantId = tenantId;
        job.kind = kind;
        job.spec = spec;
        job.status = JobStatus.QUEUED;
        job.priority = priority;
        job.attempt = 1;
        job.maxAttempts = config.maxAttempts();
        job.createdAt = Instant.now();
        job.notBefore = job.createdAt;
        job.persist();
        events.status(job, "Queued.");
        notifyQueued();
        return job;
    }

    /**
     * Cancels the unfinished jobs of a kind whose spec holds one of {@code values} under {@code
     * specKey}, such as the validations of deleted model versions. A running worker learns it from
     * its next call (409).
     */
    @Transactional(TxType.MANDATORY)
    public int cancel(JobKind kind, String specKey, Collection<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery(
                        "update jobs set status = 'CANCELLED', finished_at = now(),"
                                + " lease_owner = null, lease_token = null, lease_expires_at = null"
                                + " where kind = ?1 and status in ('QUEUED', 'RUNNING')"
                                + " and (spec ->> ?2)::bigint in (?3)")
                .setParameter(1, kind.name())
                .setParameter(2, specKey)
                .setParameter(3, values)
                .executeUpdate();
    }

    /** NOTIFY is transactional: listeners hear it only when the transaction commits. */
    @Transactional(TxType.MANDATORY)
    public void notifyQueued() {
        notifier.announce(Channel.JOBS);
    }
}
