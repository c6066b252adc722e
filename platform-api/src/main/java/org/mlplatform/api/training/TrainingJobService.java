package org.mlplatform.api.training;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlplatform.api.audit.AuditLog;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.common.Pages;
import org.mlplatform.api.job.Job;
import org.mlplatform.api.job.JobEvents;
import org.mlplatform.api.job.JobQueue;
import org.mlplatform.api.job.JobService;
import org.mlplatform.api.member.Membership;
import org.mlplatform.api.model.ModelService;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.training.CreateTrainingJobRequest;
import org.mlplatform.contract.training.TrainingJobEvent;
import org.mlplatform.contract.training.TrainingJobResponse;
import org.mlplatform.contract.training.TrainingTask;

/**
 * A tenant's training jobs: members read, MEMBER and stronger create and cancel. A job is a TRAIN
 * row in the job queue whose spec was resolved against the dataset when it was created.
 */
@ApplicationScoped
public class TrainingJobService {

    /** Events per page when the caller names no limit, and the most per page. */
    static final int DEFAULT_EVENTS = 500;

    static final int MAX_EVENTS = 1000;

    private final TenantAccess access;
    private final TrainingSpecResolver resolver;
    private final TrainingSpecs specs;
    private final TrainingJobResponses responses;
    private final ModelService models;
    private final JobQueue queue;
    private final JobService jobs;
    private final JobEvents events;
    private final AuditLog audit;
    private final EntityManager em;

    public TrainingJobService(
            TenantAccess access,
            TrainingSpecResolver resolver,
            TrainingSpecs specs,
            TrainingJobResponses responses,
            ModelService models,
            JobQueue queue,
            JobService jobs,
            JobEvents events,
            AuditLog audit,
            EntityManager em) {
        this.access = access;
        this.resolver = resolver;
        this.specs = specs;
        this.responses = responses;
        this.models = models;
        this.queue = queue;
        this.jobs = jobs;
        this.events = events;
        this.audit = audit;
        this.em = em;
    }

    /** Resolves the spec, creates the output model if needed, queues the job. */
    @Transactional
    public TrainingJobResponse create(String slug, CreateTrainingJobRequest request) {
        Membership mine = access.require(slug, TenantRole.MEMBER);
        long tenantId = mine.tenant.id;
        TrainingSpec spec = resolver.resolve(tenantId, request);
        models.findOrCreate(mine, spec.outputModel(), modelTask(spec.task()));
        Job job = queue.enqueue(tenantId, JobKind.TRAIN, specs.toMap(spec), 0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dataset", spec.dataset());
        details.put("task", spec.task().wireName());
        details.put("outputModel", spec.outputModel());
        audit.record(
                access.caller().username(),
                mine.tenant,
                AuditLog.TRAINING_JOB_CREATED,
                "training-job",
                job.id.toString(),
                details);
        return responses.of(job);
    }

    /** Newest first, optionally only those in one status. */
    public PageResponse<TrainingJobResponse> list(
            String slug, JobStatus status, Integer page, Integer size) {
        long tenantId = access.require(slug, TenantRole.VIEWER).tenant.id;
        PanacheQuery<Job> query =
                status == null
                        ? Job.find(
                                "tenantId = ?1 and kind = ?2 order by createdAt desc, id",
                                tenantId,
                                JobKind.TRAIN)
                        : Job.find(
                                "tenantId = ?1 and kind = ?2 and status = ?3"
                                        + " order by createdAt desc, id",
                                tenantId,
                                JobKind.TRAIN,
                                status);
        return Pages.of(query, page, size, responses::of);
    }

    public TrainingJobResponse get(String slug, UUID id) {
        return responses.of(find(access.require(slug, TenantRole.VIEWER).tenant.id, id));
    }

    /** Events after {@code after}, oldest first, at most {@code limit} (1..1000, default 500). */
    public List<TrainingJobEvent> events(String slug, UUID id, Long after, Integer limit) {
        Job job = find(access.require(slug, TenantRole.VIEWER).tenant.id, id);
        int clamped = limit == null ? DEFAULT_EVENTS : Math.max(1, Math.min(MAX_EVENTS, limit));
        return events.after(job.id, after == null ? 0 : after, clamped);
    }

    /** The tenant's TRAIN job, for the event stream; 404 when it is not the tenant's. */
    public UUID requireJob(String slug, UUID id) {
        return find(access.require(slug, TenantRole.VIEWER).tenant.id, id).id;
    }

    @Transactional
    public TrainingJobResponse cancel(String slug, UUID id) {
        Membership mine = access.require(slug, TenantRole.MEMBER);
        Job job = find(mine.tenant.id, id);
        em.lock(job, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(job);
        String actor = access.caller().username();
        jobs.cancel(job, actor);
        audit.record(
                actor,
                mine.tenant,
                AuditLog.TRAINING_JOB_CANCELLED,
                "training-job",
                id.toString(),
                Map.of("status", job.status.name()));
        return responses.of(job);
    }

    private static Job find(long tenantId, UUID id) {
        return Job.<Job>find("id = ?1 and tenantId = ?2 and kind = ?3", id, tenantId, JobKind.TRAIN)
                .firstResultOptional()
                .orElseThrow(() -> new NotFoundException("No training job " + id + "."));
    }

    private static ModelTask modelTask(TrainingTask task) {
        return switch (task) {
            case CLASSIFICATION -> ModelTask.TABULAR_CLASSIFICATION;
            case REGRESSION -> ModelTask.TABULAR_REGRESSION;
            case IMAGE_CLASSIFICATION -> ModelTask.IMAGE_CLASSIFICATION;
        };
    }
}
