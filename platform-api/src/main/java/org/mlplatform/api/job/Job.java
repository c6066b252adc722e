package org.mlplatform.api.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.contract.job.Checkpoint;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.training.EpochMetrics;

/** A unit of work in the queue; a RUNNING job is leased to one worker. */
@Entity
@Table(name = "jobs")
public class Job extends PanacheEntityBase {

    @Id public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public Long tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public JobKind kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> spec;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    @Column(nullable = false)
    public int priority;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts;

    @Column(name = "lease_owner")
    public UUID leaseOwner;

    @Column(name = "lease_token")
    public UUID leaseToken;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String error;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> result;

    @Column(name = "result_model_version_id")
    public Long resultModelVersionId;

    /** A bigint id from the database, for the blob references the job owns. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long num;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    /** Worker time of all attempts, accounted up to {@link #meteredAt}. */
    @Column(name = "training_millis", nullable = false)
    public long trainingMillis;

    /** Until when the running attempt is accounted in {@link #trainingMillis}. */
    @Column(name = "metered_at")
    public Instant meteredAt;

    /** The seq of the job's last event. */
    @Column(name = "event_seq", nullable = false)
    public long eventSeq;

    @JdbcTypeCode(SqlTypes.JSON)
    public Checkpoint checkpoint;

    /** The model archive a TRAIN job uploaded, until completion registers it. */
    @JdbcTypeCode(SqlTypes.JSON)
    public BlobPointer artifact;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "latest_metrics")
    public EpochMetrics latestMetrics;

    /** The blob owner type of a job's checkpoint. */
    public static final String CHECKPOINT_OWNER = "JOB_CHECKPOINT";

    /** The blob owner type of a job's uploaded model archive before it becomes a version. */
    public static final String ARTIFACT_OWNER = "JOB_ARTIFACT";

    public boolean finished() {
        return status == JobStatus.SUCCEEDED
                || status == JobStatus.FAILED
                || status == JobStatus.CANCELLED;
    }
}
