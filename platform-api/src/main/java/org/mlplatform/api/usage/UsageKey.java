package org.mlplatform.api.usage;

import java.time.Instant;
import java.util.UUID;

/** One usage bucket's identity: a minute, a tenant, a key (null: signed-in member), a model. */
record UsageKey(
        Instant minute,
        long tenantId,
        UUID apiKeyId,
        String model,
        Integer version,
        int statusClass) {}
