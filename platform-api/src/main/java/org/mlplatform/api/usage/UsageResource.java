package org.mlplatform.api.usage;

import io.quarkus.security.Authenticated;
import java.time.Instant;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.usage.UsageApi;
import org.mlplatform.contract.usage.UsageGranularity;
import org.mlplatform.contract.usage.UsageGroupBy;
import org.mlplatform.contract.usage.UsageResponse;

/** A tenant's inference usage, for every member; groupBy=tenant is for admins only. */
@Authenticated
public class UsageResource implements UsageApi {

    private final TenantAccess access;
    private final UsageQuery usage;

    public UsageResource(TenantAccess access, UsageQuery usage) {
        this.access = access;
        this.usage = usage;
    }

    @Override
    public UsageResponse get(
            String tenant,
            Instant from,
            Instant to,
            UsageGranularity granularity,
            UsageGroupBy groupBy) {
        long tenantId = access.require(tenant, TenantRole.VIEWER).tenant.id;
        if (groupBy == UsageGroupBy.TENANT) {
            throw UsageQuery.invalid("groupBy", "must be one of key, model");
        }
        return usage.query(tenantId, from, to, granularity, groupBy);
    }
}
