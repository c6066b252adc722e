package org.mlplatform.api.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.contract.common.ProblemDetail.FieldError;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;

/**
 * The queue's hot path in plain SQL: claiming, renewing and finishing a job by its id, without
 * loading the {@link Job} entity, whose five jsonb columns Hibernate would parse and copy for dirty
 * checking on every load. Only jobs without side effects in the queue go through here end to end;
 * TRAIN jobs (metering, events, blobs) are locked here and then loaded as entities.
 */
@ApplicationScoped
class JobLeases {

    /** A job row locked by the current transaction. */
    record Locked(UUID id, JobKind kind, boolean cancelRequested) {}

    /**
     * A tenant's next job from {@link #claimNext}: leased when {@code leaseToken} is set (its
     * {@code spec} is the jsonb spec as text), only locked when it is a TRAIN job.
     */
    record Next(
            UUID id,
            JobKind kind,
            int attempt,
            UUID leaseToken,
            Instant leaseExpiresAt,
            String spec) {

        boolean started() {
            return leaseToken != null;
        }
    }

    private static final TypeReference<Map<String, Object>> SPEC = new TypeReference<>() {};

    /**
     * Locks the tenant's next job and, unless it is a TRAIN job (which waits for the concurrency
     * check and is started as an entity), leases it in the same statement.
     */
    private static final String CLAIM_NEXT =
            """
            with next as (
                select id, kind from jobs
                where tenant_id = ?1 and status = 'QUEUED' and kind in (?2)
                  and not_before <= now()
                order by priority desc, created_at limit 1 for update skip locked),
            started as (
                update jobs j set status = 'RUNNING', lease_owner = ?3, lease_token = ?4,
                    lease_expires_at = ?5, metered_at = null,
                    started_at = coalesce(j.started_at, ?6)
                from next where j.id = next.id and next.kind <> 'TRAIN'
                returning j.id, j.attempt, j.spec::text as spec)
            select next.id, next.kind, started.attempt, started.spec
            from next left join started on started.id = next.id
            """;

    private static final String LOCK_LEASED =
            "select kind, status, lease_token = ?2, cancel_requested from jobs where id = ?1 for update";

    private static final String RENEW = "update jobs set lease_expires_at = ?2 where id = ?1";

    /** Fenced by the lease token, so it needs no lock taken before it; TRAIN jobs end loaded. */
    private static final String SUCCEED =
            "update jobs set status = 'SUCCEEDED', error = null, finished_at = ?3,"
                    + " metered_at = null, lease_owner = null, lease_token = null,"
                    + " lease_expires_at = null%s"
                    + " where id = ?1 and status = 'RUNNING' and lease_token = ?2"
                    + " and kind <> 'TRAIN' returning kind, spec::text";

    private final EntityManager em;
    private final ObjectMapper json;

    JobLeases(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * The tenant's next queued job of one of {@code kinds}, locked, and leased to {@code workerId}
     * until {@code until} unless it is a TRAIN job; null when there is none.
     */
    @Transactional(TxType.MANDATORY)
    Next claimNext(long tenantId, List<String> kinds, UUID workerId, Instant now, Instant until) {
        UUID leaseToken = UUID.randomUUID();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(CLAIM_NEXT)
                        .setParameter(1, tenantId)
                        .setParameter(2, kinds)
                        .setParameter(3, workerId)
                        .setParameter(4, leaseToken)
                        .setParameter(5, until)
                        .setParameter(6, now)
                        .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        UUID id = uuid(row[0]);
        JobKind kind = JobKind.valueOf((String) row[1]);
        if (row[2] == null) {
            return new Next(id, kind, 0, null, null, null);
        }
        return new Next(id, kind, ((Number) row[2]).intValue(), leaseToken, until, (String) row[3]);
    }

    /**
     * Locks the job when {@code leaseToken} is its current lease: 400 without a token, 404 for an
     * unknown job, {@link StaleLeaseException} (409) when the job is not leased with it.
     */
    @Transactional(TxType.MANDATORY)
    Locked lockLeased(UUID id, UUID leaseToken) {
        if (leaseToken == null) {
            throw new InvalidRequestException(
                    "The lease token is missing.",
                    List.of(new FieldError("leaseToken", "must not be null")));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(LOCK_LEASED)
                        .setParameter(1, id)
                        .setParameter(2, leaseToken)
                        .getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("No job " + id + ".");
        }
        Object[] row = rows.get(0);
        JobStatus status = JobStatus.valueOf((String) row[1]);
        if (status != JobStatus.RUNNING || !Boolean.TRUE.equals(row[2])) {
            throw new StaleLeaseException(
                    "Job "
                            + id
                            + " is "
                            + status
                            + " and not leased with this token; stop working on it.");
        }
        return new Locked(id, JobKind.valueOf((String) row[0]), Boolean.TRUE.equals(row[3]));
    }

    /** Moves the lease of a locked job on to {@code until}. */
    @Transactional(TxType.MANDATORY)
    void renew(UUID id, Instant until) {
        em.createNativeQuery(RENEW).setParameter(1, id).setParameter(2, until).executeUpdate();
    }

    /**
     * Ends the job SUCCEEDED with {@code resultJson} (null for none) when it is leased with {@code
     * leaseToken} and is not a TRAIN job; returns its kind and spec as text, or null when it is not
     * such a job (the caller then finds out why with {@link #lockLeased}).
     */
    @Transactional(TxType.MANDATORY)
    Object[] succeed(UUID id, UUID leaseToken, String resultJson) {
        var query =
                em.createNativeQuery(
                                SUCCEED.formatted(
                                        resultJson == null ? "" : ", result = cast(?4 as jsonb)"))
                        .setParameter(1, id)
                        .setParameter(2, leaseToken)
                        .setParameter(3, Instant.now());
        if (resultJson != null) {
            query.setParameter(4, resultJson);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A spec returned as text by {@link #start} or {@link #succeed}, parsed. */
    Map<String, Object> spec(String text) {
        try {
            return json.readValue(text, SPEC);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job's spec is not a JSON object.", e);
        }
    }

    /** {@code value} as JSON text, for a jsonb parameter. */
    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable as JSON: " + value, e);
        }
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
