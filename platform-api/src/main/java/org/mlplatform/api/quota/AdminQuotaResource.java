package org.mlplatform.api.quota;

import jakarta.annotation.security.RolesAllowed;
import org.mlplatform.api.common.Roles;
import org.mlplatform.contract.quota.AdminQuotaApi;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.contract.quota.SetQuotaRequest;

/** Platform admins read and set tenants' limits. */
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AdminQuotaResource implements AdminQuotaApi {

    private final AdminQuotaService quotas;

    public AdminQuotaResource(AdminQuotaService quotas) {
        this.quotas = quotas;
    }

    @Override
    public QuotaResponse get(String slug) {
        return quotas.get(slug);
    }

    @Override
    public QuotaResponse set(String slug, SetQuotaRequest request) {
        return quotas.set(slug, request);
    }
}
