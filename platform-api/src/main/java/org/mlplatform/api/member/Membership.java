package org.mlplatform.api.member;

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
import java.util.Optional;
import org.mlplatform.api.tenant.Tenant;
import org.mlplatform.api.user.AppUser;
import org.mlplatform.contract.tenant.TenantRole;

/** A user's role in one tenant. */
@Entity
@Table(name = "memberships")
public class Membership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    public Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public AppUser user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TenantRole role;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public static Optional<Membership> find(long tenantId, long userId) {
        return find("tenant.id = ?1 and user.id = ?2", tenantId, userId).firstResultOptional();
    }

    public static Optional<Membership> findByUsername(long tenantId, String username) {
        return find(
                        "from Membership m join fetch m.user u where m.tenant.id = ?1 and u.username = ?2",
                        tenantId,
                        username)
                .firstResultOptional();
    }

    public static long countOwners(long tenantId) {
        return count("tenant.id = ?1 and role = ?2", tenantId, TenantRole.OWNER);
    }
}
