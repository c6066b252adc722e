package org.mlplatform.api.quota;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a tenant uses now. Changed only under a row lock, by {@link QuotaService}. */
@Entity
@Table(name = "tenant_usage")
public class TenantUsage extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public Long tenantId;

    @Column(name = "storage_bytes", nullable = false)
    public long storageBytes;

    @Column(nullable = false)
    public long models;

    @Column(nullable = false)
    public long datasets;
}
