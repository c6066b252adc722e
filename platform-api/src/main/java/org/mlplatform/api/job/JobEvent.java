package org.mlplatform.api.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.JobEventType;

/** One event of a job; {@code seq} counts 1, 2, ... per job. */
@Entity
@Table(name = "job_events")
public class JobEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false, updatable = false)
    public UUID jobId;

    @Column(nullable = false, updatable = false)
    public long seq;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public JobEventType type;

    @Column(nullable = false, updatable = false)
    public int attempt;

    public String level;

    public String message;

    @Enumerated(EnumType.STRING)
    public JobStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    public EpochMetrics metrics;
}
