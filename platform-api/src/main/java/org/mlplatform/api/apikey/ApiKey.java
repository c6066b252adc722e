package org.mlplatform.api.apikey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An API key of a tenant; holds only keyed hashes of its secrets. */
@Entity
@Table(name = "api_keys")
public class ApiKey extends PanacheEntityBase {

    @Id public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public Long tenantId;

    @Column(nullable = false)
    public String name;

    @Column(name = "key_id", nullable = false, updatable = false)
    public String keyId;

    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;

    @Column(name = "previous_secret_hash")
    public byte[] previousSecretHash;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    /** Wire names of the scopes, such as {@code inference:invoke}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> scopes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> models;

    @Column(name = "rate_rps")
    public Double rateRps;

    @Column(name = "rate_burst")
    public Integer rateBurst;

    @Column(name = "monthly_request_limit")
    public Long monthlyRequestLimit;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The tenant's key with this id; another tenant's key is absent. */
    public static Optional<ApiKey> findInTenant(long tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public static PanacheQuery<ApiKey> ofTenant(long tenantId) {
        return find("tenantId = ?1 order by createdAt desc, id", tenantId);
    }
}
