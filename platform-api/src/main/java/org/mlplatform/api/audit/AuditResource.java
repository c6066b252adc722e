package org.mlplatform.api.audit;

import io.quarkus.security.Authenticated;
import org.mlplatform.contract.audit.AuditApi;
import org.mlplatform.contract.audit.AuditEventResponse;
import org.mlplatform.contract.common.PageResponse;

/** A tenant's audit trail. */
@Authenticated
public class AuditResource implements AuditApi {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public PageResponse<AuditEventResponse> list(String tenant, Integer page, Integer size) {
        return audit.forTenant(tenant, page, size);
    }
}
