package org.mlplatform.api.inference;

import org.mlplatform.api.apikey.CachedKey;
import org.mlplatform.api.quota.TenantLimits;

/**
 * Who calls inference: an API key of the tenant, or ({@code key} null) a signed-in member trying a
 * model in the portal.
 */
public record InferenceCaller(TenantLimits tenant, CachedKey key) {

    long tenantId() {
        return tenant.tenantId();
    }

    /** Whether the caller may see the model: a key's allow-list; members see every model. */
    boolean sees(String model) {
        return key == null || key.allows(model);
    }
}
