package org.mlplatform.contract.tenant;

import java.time.Instant;

/** A tenant as clients see it. */
public record TenantResponse(
        String slug,
        String name,
        TenantStatus status,
        long memberCount,
        Instant createdAt,
        Instant updatedAt) {}
