package org.mlplatform.api.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.mlplatform.contract.dataset.CsvProfile;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.DatasetPreview;
import org.mlplatform.contract.dataset.ImageZipProfile;

/** A tenant's uploaded dataset: its bytes are a blob, its profile was computed on upload. */
@Entity
@Table(name = "datasets")
public class Dataset extends PanacheEntityBase {

    /** The owner type of a dataset's blob reference. */
    public static final String BLOB_OWNER = "DATASET";

    /** The {@code profile} column: exactly one part is set, by format. */
    public record Profile(CsvProfile csv, ImageZipProfile images) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public Long tenantId;

    @Column(nullable = false, updatable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public DatasetFormat format;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long sizeBytes;

    @Column(nullable = false, updatable = false)
    public String sha256;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Profile profile;

    /** CSV only. */
    @JdbcTypeCode(SqlTypes.JSON)
    public DatasetPreview preview;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public static Optional<Dataset> findByName(long tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResultOptional();
    }

    /** The dataset, locked until the transaction ends, so a delete and a job check serialise. */
    public static Optional<Dataset> lockByName(long tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
