package org.mlplatform.api.usage;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.common.Roles;
import org.mlplatform.api.tenant.Tenant;
import org.mlplatform.contract.usage.AdminUsageApi;
import org.mlplatform.contract.usage.UsageGranularity;
import org.mlplatform.contract.usage.UsageGroupBy;
import org.mlplatform.contract.usage.UsageResponse;

/** Usage across tenants, for platform admins. */
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AdminUsageResource implements AdminUsageApi {

    private final UsageQuery usage;

    public AdminUsageResource(UsageQuery usage) {
        this.usage = usage;
    }

    @Override
    public UsageResponse get(
            String tenant,
            Instant from,
            Instant to,
            UsageGranularity granularity,
            UsageGroupBy groupBy) {
        Long tenantId =
                tenant == null
                        ? null
                        : Tenant.findBySlug(tenant)
                                .map(t -> t.id)
                                .orElseThrow(
                                        () -> new NotFoundException("No tenant '" + tenant + "'."));
        return usage.query(tenantId, from, to, granularity, groupBy);
    }
}
