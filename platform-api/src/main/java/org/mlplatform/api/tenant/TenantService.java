package org.mlplatform.api.tenant;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlplatform.api.audit.AuditLog;
import org.mlplatform.api.common.ConflictException;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.member.Membership;
import org.mlplatform.api.user.AppUser;
import org.mlplatform.api.user.CurrentUser;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.common.Paging;
import org.mlplatform.contract.tenant.CreateTenantRequest;
import org.mlplatform.contract.tenant.TenantResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.tenant.TenantStatus;
import org.mlplatform.contract.tenant.UpdateTenantRequest;

/** Tenant administration by platform admins. */
@ApplicationScoped
public class TenantService {

    private final CurrentUser currentUser;
    private final AuditLog audit;

    public TenantService(CurrentUser currentUser, AuditLog audit) {
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Creates a tenant with its first OWNER; 409 on a taken slug, 404 on an unknown owner. */
    @Transactional
    public TenantResponse create(CreateTenantRequest request) {
        String actor = currentUser.caller().username();
        if (Tenant.findBySlug(request.slug()).isPresent()) {
            throw new ConflictException("The slug '" + request.slug() + "' is taken.");
        }
        AppUser owner =
                AppUser.findByUsername(request.ownerUsername())
                        .orElseThrow(() -> NotFoundException.unknownUser(request.ownerUsername()));
        Tenant tenant = createWithOwner(request.slug(), request.name(), owner);
        audit.record(
                actor,
                tenant,
                AuditLog.TENANT_CREATED,
                "tenant",
                tenant.slug,
                Map.of("name", tenant.name, "owner", owner.username));
        return TenantResponses.of(tenant, 1);
    }

    /** Persists a tenant and its OWNER membership; also used by the demo seed. */
    public static Tenant createWithOwner(String slug, String name, AppUser owner) {
        Instant now = Instant.now();
        Tenant tenant = new Tenant();
        tenant.slug = slug;
        tenant.name = name;
        tenant.status = TenantStatus.ACTIVE;
        tenant.createdAt = now;
        tenant.updatedAt = now;
        tenant.persistAndFlush();
        Membership membership = new Membership();
        membership.tenant = tenant;
        membership.user = owner;
        membership.role = TenantRole.OWNER;
        membership.createdAt = now;
        membership.persist();
        return tenant;
    }

    public PageResponse<TenantResponse> list(
            String q, TenantStatus status, Integer page, Integer size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (q != null && !q.isBlank()) {
            where.add("(lower(slug) like :q or lower(name) like :q)");
            params.and("q", "%" + q.trim().toLowerCase().replace("%", "\\%") + "%");
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        String filter = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        PanacheQuery<Tenant> query = Tenant.find(filter + " order by slug", params);
        int p = Paging.clampPage(page);
        int s = Paging.clampSize(size);
        List<Tenant> tenants = query.page(p, s).list();
        return new PageResponse<>(TenantResponses.of(tenants), p, s, query.count());
    }

    public TenantResponse get(String slug) {
        return TenantResponses.of(find(slug));
    }

    /** Renames, suspends or reactivates; records one audit event per actual change. */
    @Transactional
    public TenantResponse update(String slug, UpdateTenantRequest request) {
        String actor = currentUser.caller().username();
        Tenant tenant = find(slug);
        boolean changed = false;
        if (request.name() != null && !request.name().equals(tenant.name)) {
            audit.record(
                    actor,
                    tenant,
                    AuditLog.TENANT_RENAMED,
                    "tenant",
                    slug,
                    Map.of("from", tenant.name, "to", request.name()));
            tenant.name = request.name();
            changed = true;
        }
        if (request.status() != null && request.status() != tenant.status) {
            String action =
                    request.status() == TenantStatus.SUSPENDED
                            ? AuditLog.TENANT_SUSPENDED
                            : AuditLog.TENANT_REACTIVATED;
            audit.record(
                    actor,
                    tenant,
                    action,
                    "tenant",
                    slug,
                    Map.of("from", tenant.status.name(), "to", request.status().name()));
            tenant.status = request.status();
            changed = true;
        }
        if (changed) {
            tenant.updatedAt = Instant.now();
        }
        return TenantResponses.of(tenant);
    }

    private static Tenant find(String slug) {
        return Tenant.findBySlug(slug)
                .orElseThrow(() -> new NotFoundException("No tenant '" + slug + "'."));
    }
}
