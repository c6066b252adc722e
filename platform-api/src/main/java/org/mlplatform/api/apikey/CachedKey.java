package org.mlplatform.api.apikey;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.mlplatform.contract.apikey.ApiKeyScope;

/** What the gateway knows of a key between reads; the hashes never leave the apikey package. */
public record CachedKey(
        UUID id,
        long tenantId,
        String name,
        byte[] secretHash,
        byte[] previousSecretHash,
        Instant previousSecretExpiresAt,
        Set<ApiKeyScope> scopes,
        Set<String> models,
        Double rateRps,
        Integer rateBurst,
        Long monthlyRequestLimit,
        Instant expiresAt,
        Instant revokedAt) {

    /** Whether the key may reach the model: an empty allow-list allows every model. */
    public boolean allows(String model) {
        return models.isEmpty() || models.contains(model);
    }
}
