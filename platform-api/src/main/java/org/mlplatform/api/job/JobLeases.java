package org.mlplatform.api.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
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

    /** A job to end SUCCEEDED, proven by its lease token; {@code resultJson} may be null. */
    record Success(UUID id, UUID leaseToken, String resultJson) {}

    /** A job {@link #succeed} ended, with its spec as text. */
    record Succeeded(UUID id, JobKind kind, String spec) {}

    private static final TypeReference<Map<String, Object>> SPEC = new TypeReference<>() {};

    /**
     * Locks the tenant's next {@code %d} jobs and leases those that are not TRAIN jobs (which wait
     * for the concurrency check and are started as entities) in the same statement. The limit is
     * written into the statement: as a parameter, PostgreSQL's generic plan would guess a tenth of
     * the tenant's queue and join the update by a scan of the whole table.
     */
    private static final String CLAIM_NEXT =
            """
            with next as (
                select id, kind, priority, created_at from jobs
                where tenant_id = ?1 and status = 'QUEUED' and kind in (?2)
                  and not_before <= now()
                order by priority desc, created_at limit %d for update skip locked),
            started as (
                update jobs j set status = 'RUNNING', lease_owner = ?3,
                    lease_token = gen_random_uuid(), lease_expires_at = ?4, metered_at = null,
                    started_at = coalesce(j.started_at, ?5)
                from next where j.id = next.id and next.kind <> 'TRAIN'
                returning j.id, j.attempt, j.spec::text as spec, j.lease_token)
            select next.id, next.kind, started.attempt, started.spec, started.lease_token
            from next left join started on started.id = next.id
            order by next.priority desc, next.created_at
            """;

    private static final String LOCK_LEASED =
            "select kind, status, lease_token = ?2, cancel_requested from jobs where id = ?1 for update";

    private static final String RENEW = "update jobs set lease_expires_at = ?2 where id = ?1";

    /**
     * Ends the listed jobs SUCCEEDED, each fenced by its lease token, so it needs no lock taken
     * before it; TRAIN jobs end loaded. A null result leaves the job's result as it is.
     */
    private static final String SUCCEED =
            """
            update jobs j set status = 'SUCCEEDED', error = null, finished_at = ?,
                metered_at = null, lease_owner = null, lease_token = null, lease_expires_at = null,
                result = coalesce(cast(c.result as jsonb), j.result)
            from unnest(?, ?, ?) as c(id, token, result)
            where j.id = c.id and j.status = 'RUNNING' and j.lease_token = c.token
              and j.kind <> 'TRAIN'
            returning j.id, j.kind, j.spec::text
            """;

    private final EntityManager em;
    private final ObjectMapper json;

    JobLeases(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * The tenant's next {@code limit} queued jobs of {@code kinds}, in queue order, locked, and
     * leased to {@code workerId} until {@code until}, each with a new lease token, unless they are
     * TRAIN jobs.
     */
    @Transactional(TxType.MANDATORY)
    List<Next> claimNext(
            long tenantId,
            List<String> kinds,
            UUID workerId,
            Instant now,
            Instant until,
            int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(CLAIM_NEXT.formatted(limit))
                        .setParameter(1, tenantId)
                        .setParameter(2, kinds)
                        .setParameter(3, workerId)
                        .setParameter(4, until)
                        .setParameter(5, now)
                        .getResultList();
        List<Next> next = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            UUID id = uuid(row[0]);
            JobKind kind = JobKind.valueOf((String) row[1]);
            next.add(
                    row[2] == null
                            ? new Next(id, kind, 0, null, null, null)
                            : new Next(
                                    id,
                                    kind,
                                    ((Number) row[2]).intValue(),
                                    uuid(row[4]),
                                    until,
                                    (String) row[3]));
        }
        return next;
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
     * Ends SUCCEEDED, in one statement, each listed job that is leased with its token and is not a
     * TRAIN job; returns those jobs. The others (TRAIN jobs, stale or unknown ones) are left as
     * they are for the caller to find out why with {@link #lockLeased}.
     */
    @Transactional(TxType.MANDATORY)
    List<Succeeded> succeed(List<Success> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class)
                .doReturningWork(
                        connection -> {
                            try (PreparedStatement update = connection.prepareStatement(SUCCEED)) {
                                update.setTimestamp(1, Timestamp.from(Instant.now()));
                                update.setArray(2, array(connection, "uuid", jobs, Success::id));
                                update.setArray(
                                        3, array(connection, "uuid", jobs, Success::leaseToken));
                                update.setArray(
                                        4, array(connection, "text", jobs, Success::resultJson));
                                List<Succeeded> done = new ArrayList<>(jobs.size());
                                try (ResultSet rows = update.executeQuery()) {
                                    while (rows.next()) {
                                        done.add(
                                                new Succeeded(
                                                        rows.getObject(1, UUID.class),
                                                        JobKind.valueOf(rows.getString(2)),
                                                        rows.getString(3)));
                                    }
                                }
                                return done;
                            }
                        });
    }

    private static Array array(
            Connection connection, String type, List<Success> jobs, Function<Success, ?> field)
            throws SQLException {
        return connection.createArrayOf(type, jobs.stream().map(field).toArray());
    }

    /** A spec returned as text by {@link #claimNext} or {@link #succeed}, parsed. */
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
