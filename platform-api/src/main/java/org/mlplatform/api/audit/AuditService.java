package org.mlplatform.api.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.mlplatform.api.common.Pages;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.contract.audit.AuditEventResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.tenant.TenantRole;

/** Reads the audit trail, newest first. */
@ApplicationScoped
public class AuditService {

    private final TenantAccess access;

    public AuditService(TenantAccess access) {
        this.access = access;
    }

    /** A tenant's own events, for its OWNERs and ADMINs. */
    public PageResponse<AuditEventResponse> forTenant(String slug, Integer page, Integer size) {
        long tenantId = access.require(slug, TenantRole.ADMIN).tenant.id;
        PanacheQuery<AuditEvent> query =
                AuditEvent.find("tenant.id = ?1 order by id desc", tenantId);
        return Pages.of(query, page, size, AuditService::toResponse);
    }

    /** Every event, optionally of one tenant slug and one action, for platform admins. */
    public PageResponse<AuditEventResponse> all(
            String tenant, String action, Integer page, Integer size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (tenant != null && !tenant.isBlank()) {
            where.add("tenant.slug = :tenant");
            params.and("tenant", tenant);
        }
        if (action != null && !action.isBlank()) {
            where.add("action = :action");
            params.and("action", action);
        }
        String filter = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        PanacheQuery<AuditEvent> query = AuditEvent.find(filter + " order by id desc", params);
        return Pages.of(query, page, size, AuditService::toResponse);
    }

    static AuditEventResponse toResponse(AuditEvent e) {
        return new AuditEventResponse(
                e.id,
                e.occurredAt,
                e.actor,
                e.tenant == null ? null : e.tenant.slug,
                e.action,
                e.targetType,
                e.target,
                e.details);
    }
}
