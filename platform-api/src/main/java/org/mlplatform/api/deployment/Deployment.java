package org.mlplatform.api.deployment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.api.model.Model;
import org.mlplatform.api.model.ModelVersion;

/** A model version made servable by inference workers; at most one per version. */
@Entity
@Table(name = "deployments")
public class Deployment extends PanacheEntityBase {

    @Id public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public Long tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "model_id", nullable = false, updatable = false)
    public Model model;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "model_version_id", nullable = false, updatable = false)
    public ModelVersion modelVersion;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(name = "max_batch_size", nullable = false)
    public int maxBatchSize;

    @Column(name = "max_batch_delay_ms", nullable = false)
    public int maxBatchDelayMs;

    @Column(nullable = false)
    public int replicas;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** When a replica first reported READY. */
    @Column(name = "ready_at")
    public Instant readyAt;

    /** The tenant's deployment; empty for another tenant's id. */
    public static Optional<Deployment> findInTenant(long tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public static boolean existsForModel(Model model) {
        return count("model", model) > 0;
    }

    public static boolean isDeployed(Model model, int version) {
        return count("model = ?1 and version = ?2", model, version) > 0;
    }

    public static Optional<Deployment> findByVersion(ModelVersion version) {
        return find("modelVersion", version).firstResultOptional();
    }
}
