package org.mlplatform.api.quota;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The limits a platform admin set for a tenant; a null limit is unlimited. */
@Entity
@Table(name = "tenant_quotas")
public class TenantQuota extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public Long tenantId;

    @Column(name = "max_storage_bytes")
    public Long maxStorageBytes;

    @Column(name = "max_models")
    public Integer maxModels;

    @Column(name = "max_datasets")
    public Integer maxDatasets;

    @Column(name = "max_concurrent_jobs")
    public Integer maxConcurrentJobs;

    @Column(name = "monthly_training_seconds")
    public Long monthlyTrainingSeconds;

    @Column(name = "max_requests_per_second")
    public Integer maxRequestsPerSecond;

    @Column(name = "monthly_inference_requests")
    public Long monthlyInferenceRequests;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
