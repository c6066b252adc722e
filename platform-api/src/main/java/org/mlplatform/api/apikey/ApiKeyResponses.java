package org.mlplatform.api.apikey;

import java.time.Instant;
import org.mlplatform.contract.apikey.ApiKeyResponse;
import org.mlplatform.contract.apikey.ApiKeyScope;
import org.mlplatform.contract.apikey.ApiKeyStatus;
import org.mlplatform.contract.apikey.RateLimit;

/** Maps API keys to wire records; never a secret or a hash. */
final class ApiKeyResponses {

    private ApiKeyResponses() {}

    static ApiKeyResponse of(ApiKey key) {
        Instant now = Instant.now();
        ApiKeyStatus status =
                key.revokedAt != null
                        ? ApiKeyStatus.REVOKED
                        : !key.expiresAt.isAfter(now) ? ApiKeyStatus.EXPIRED : ApiKeyStatus.ACTIVE;
        Instant previousUntil =
                key.previousSecretExpiresAt != null && key.previousSecretExpiresAt.isAfter(now)
                        ? key.previousSecretExpiresAt
                        : null;
        return new ApiKeyResponse(
                key.id,
                key.name,
                ApiKeyFormat.prefix(key.keyId),
                key.scopes.stream().map(ApiKeyScope::fromString).toList(),
                key.models,
                key.rateRps == null ? null : new RateLimit(key.rateRps, key.rateBurst),
                key.monthlyRequestLimit,
                status,
                key.createdBy,
                key.createdAt,
                key.lastUsedAt,
                key.expiresAt,
                key.revokedAt,
                previousUntil);
    }
}
