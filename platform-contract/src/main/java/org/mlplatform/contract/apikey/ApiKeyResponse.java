package org.mlplatform.contract.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An API key as listed: never its secret.
 *
 * @param prefix the key's visible start ({@code mlp_<key id>}), to tell keys apart
 * @param models the allow-list; empty: every model of the tenant
 * @param previousSecretExpiresAt after a rotation, until when the old secret still works
 * @param createdBy the user who created it
 */
public record ApiKeyResponse(
        UUID id,
        String name,
        String prefix,
        List<ApiKeyScope> scopes,
        List<String> models,
        RateLimit rateLimit,
        Long monthlyRequestLimit,
        ApiKeyStatus status,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant previousSecretExpiresAt) {}
