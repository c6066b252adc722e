package org.mlplatform.contract.apikey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A new API key.
 *
 * @param scopes what the key may do
 * @param models the only models the key may reach; null or empty: all of the tenant's models
 * @param expiresAt when it stops working; at most a year ahead; null: a year from now
 * @param rateLimit the key's own token bucket; null: only the tenant's limits apply
 * @param monthlyRequestLimit inference calls the key may make per calendar month (UTC)
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty List<@NotNull ApiKeyScope> scopes,
        @Size(max = 100) List<@NotBlank String> models,
        Instant expiresAt,
        @Valid RateLimit rateLimit,
        @Positive Long monthlyRequestLimit) {}
