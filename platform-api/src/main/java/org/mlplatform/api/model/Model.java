package org.mlplatform.api.model;

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
import org.mlplatform.contract.model.ModelTask;

/** A tenant's named container of model versions. */
@Entity
@Table(name = "models")
public class Model extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public Long tenantId;

    @Column(nullable = false, updatable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ModelTask task;

    /** The number the next version gets; numbers are never reused. */
    @Column(name = "next_version", nullable = false)
    public int nextVersion;

    /** The version unversioned inference calls reach; null: the highest deployed version. */
    @Column(name = "default_version")
    public Integer defaultVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Model> findByName(long tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResultOptional();
    }

    /** The model, locked until the transaction ends; serialises version numbering and deletes. */
    public static Optional<Model> lockByName(long tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
