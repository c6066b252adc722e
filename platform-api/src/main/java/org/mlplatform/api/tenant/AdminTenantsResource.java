package org.mlplatform.api.tenant;

import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.api.common.Roles;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.tenant.AdminTenantsApi;
import org.mlplatform.contract.tenant.CreateTenantRequest;
import org.mlplatform.contract.tenant.TenantResponse;
import org.mlplatform.contract.tenant.TenantStatus;
import org.mlplatform.contract.tenant.UpdateTenantRequest;

/** Tenant administration; platform admins see suspended tenants too. */
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AdminTenantsResource implements AdminTenantsApi {

    private final TenantService tenants;

    public AdminTenantsResource(TenantService tenants) {
        this.tenants = tenants;
    }

    @Override
    public RestResponse<TenantResponse> create(CreateTenantRequest request) {
        TenantResponse created = tenants.create(request);
        URI location = URI.create("/api/v1/admin/tenants/" + created.slug());
        return RestResponse.ResponseBuilder.<TenantResponse>created(location)
                .entity(created)
                .build();
    }

    @Override
    public PageResponse<TenantResponse> list(
            String q, TenantStatus status, Integer page, Integer size) {
        return tenants.list(q, status, page, size);
    }

    @Override
    public TenantResponse get(String slug) {
        return tenants.get(slug);
    }

    @Override
    public TenantResponse update(String slug, UpdateTenantRequest request) {
        return tenants.update(slug, request);
    }
}
