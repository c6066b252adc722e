package org.mlplatform.api.tenant;

import io.quarkus.security.Authenticated;
import org.mlplatform.contract.tenant.TenantResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.tenant.TenantsApi;

/** A tenant as its members see it. */
@Authenticated
public class TenantsResource implements TenantsApi {

    private final TenantAccess access;

    public TenantsResource(TenantAccess access) {
        this.access = access;
    }

    @Override
    public TenantResponse get(String tenant) {
        return TenantResponses.of(access.require(tenant, TenantRole.VIEWER).tenant);
    }
}
