package org.mlplatform.api.quota;

/**
 * What the gateway needs of a tenant on every call; null limits are unlimited.
 *
 * @param name the tenant's display name
 * @param active false when the tenant is suspended (or gone)
 */
public record TenantLimits(
        long tenantId,
        String slug,
        String name,
        boolean active,
        Integer maxRequestsPerSecond,
        Long monthlyInferenceRequests) {}
