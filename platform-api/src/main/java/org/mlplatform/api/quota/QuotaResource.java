package org.mlplatform.api.quota;

import io.quarkus.security.Authenticated;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.contract.quota.QuotaApi;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.contract.tenant.TenantRole;

/** A tenant's limits and use, for every member. */
@Authenticated
public class QuotaResource implements QuotaApi {

    private final TenantAccess access;
    private final QuotaService quotas;

    public QuotaResource(TenantAccess access, QuotaService quotas) {
        this.access = access;
        this.quotas = quotas;
    }

    @Override
    public QuotaResponse get(String tenant) {
        return quotas.response(access.require(tenant, TenantRole.VIEWER).tenant.id);
    }
}
