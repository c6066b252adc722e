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
 * The queue's hot path in plain SQL: locking, starting, renewing and finishing a job by its id,
 * without loading the {@link Job} entity, whose five jsonb columns Hibernate would parse and copy
 * for dirty checking on every load. Only jobs without side effects in the queue go through here end
 * to end; TRAIN jobs (metering, events, blobs) are locked here and then loaded as entities.
 */
@ApplicationScoped
class JobLeases {

    /** A job row locked by the current transaction. */
    record Locked(UUID id, JobKind kind, boolean cancelRequested) {}

    /** A job just leased by {@link #start}; {@code spec} is its jsonb spec as text. */
    record Started(int attempt, UUID leaseToken, Instant leaseExpiresAt, String spec) {}

    private static final TypeReference<Map<String, Object>> SPEC = new TypeReference<>() {};

    private static final String NEXT_OF_TENANT =
            "select id, kind from jobs where tenant_id = ?1 and status = 'QUEUED' and kind in (?2)"
                    + " and not_before <= now() order by priority desc, created_at"
                    + " limit 1 for update skip locked";

    private static final String LOCK_LEASED =
            "select kind, status, lease_token = ?2, cancel_requested from jobs where id = ?1 for update";

    private static final String START =
            "update jobs set status = 'RUNNING', lease_owner = ?2, lease_token = ?3,"
                    + " lease_expires_at = ?4, metered_at = null,"
                    + " started_at = coalesce(started_at, ?5)"
                    + " where id = ?1 and status = 'QUEUED' returning attempt, spec::text";

    private static final String RENEW = "update jobs set lease_expires_at = ?2 where id = ?1";

    private static final String SUCCEED =
            "update jobs set status = 'SUCCEEDED', error = null, finished_at = ?2,"
                    + " metered_at = null, lease_owner = null, lease_token = null,"
                    + " lease_expires_at = null%s where id = ?1 returning spec::text";

    private final EntityManager em;
    private final ObjectMapper json;

    JobLeases(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The tenant's next queued job of one of {@code kinds}, locked; null when there is none. */
    @Transactional(TxType.MANDATORY)
    Locked lockNext(long tenantId, List<String> kinds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(NEXT_OF_TENANT)
                        .setParameter(1, tenantId)
                        .setParameter(2, kinds)
                        .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        return new Locked(uuid(row[0]), JobKind.valueOf((String) row[1]), false);
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

    /** Leases a locked QUEUED job (not TRAIN: it is metered) to the worker until {@code until}. */
    @Transactional(TxType.MANDATORY)
    Started start(UUID id, UUID workerId, Instant now, Instant until) {
        UUID leaseToken = UUID.randomUUID();
        Object[] row =
                (Object[])
                        em.createNativeQuery(START)
                                .setParameter(1, id)
                                .setParameter(2, workerId)
                                .setParameter(3, leaseToken)
                                .setParameter(4, until)
                                .setParameter(5, now)
                                .getSingleResult();
        return new Started(((Number) row[0]).intValue(), leaseToken, until, (String) row[1]);
    }

    /** Moves the lease of a locked job on to {@code until}. */
    @Transactional(TxType.MANDATORY)
    void renew(UUID id, Instant until) {
        em.createNativeQuery(RENEW).setParameter(1, id).setParameter(2, until).executeUpdate();
    }

    /**
     * Ends a locked job (not TRAIN) SUCCEEDED with {@code resultJson} (null for none); returns its
     * spec as text.
     */
    @Transactional(TxType.MANDATORY)
    String succeed(UUID id, String resultJson) {
        var query =
                em.createNativeQuery(
                                SUCCEED.formatted(
                                        resultJson == null ? "" : ", result = cast(?3 as jsonb)"))
                        .setParameter(1, id)
                        .setParameter(2, Instant.now());
        if (resultJson != null) {
            query.setParameter(3, resultJson);
        }
        return (String) query.getSingleResult();
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
