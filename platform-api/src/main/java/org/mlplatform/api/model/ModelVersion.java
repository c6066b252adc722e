package org.mlplatform.api.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.contract.model.VersionSource;

/** One artifact of a model; its bytes are the blob {@code sha256}. */
@Entity
@Table(name = "model_versions")
public class ModelVersion extends PanacheEntityBase {

    /** The blob owner type of a version's artifact. */
    public static final String BLOB_OWNER = "MODEL_VERSION";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "model_id", nullable = false, updatable = false)
    public Model model;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public Long tenantId;

    @Column(nullable = false, updatable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ModelVersionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ModelFormat format;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long sizeBytes;

    @Column(nullable = false, updatable = false)
    public String sha256;

    @JdbcTypeCode(SqlTypes.JSON)
    public ModelSignature signature;

    @Column(name = "failure_reason")
    public String failureReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public VersionSource source;

    @Column(name = "training_job_id")
    public UUID trainingJobId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Double> metrics;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "validated_at")
    public Instant validatedAt;

    public static Optional<ModelVersion> find(Model model, int version) {
        return find("model = ?1 and version = ?2", model, version).firstResultOptional();
    }
}
