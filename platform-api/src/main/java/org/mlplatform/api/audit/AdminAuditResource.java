package org.mlplatform.api.audit;

import jakarta.annotation.security.RolesAllowed;
import org.mlplatform.api.common.Roles;
import org.mlplatform.contract.audit.AdminAuditApi;
import org.mlplatform.contract.audit.AuditEventResponse;
import org.mlplatform.contract.common.PageResponse;

/** Every audit event, for platform admins. */
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AdminAuditResource implements AdminAuditApi {

    private final AuditService audit;

    public AdminAuditResource(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public PageResponse<AuditEventResponse> list(
            String tenant, String action, Integer page, Integer size) {
        return audit.all(tenant, action, page, size);
    }
}
