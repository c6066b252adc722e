package org.mlplatform.api.apikey;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mlplatform.api.common.ForbiddenException;
import org.mlplatform.api.quota.TenantLimits;
import org.mlplatform.api.quota.TenantLimitsCache;
import org.mlplatform.contract.apikey.ApiKeyScope;

/**
 * Checks an {@code Authorization: Bearer <key>} header: the format and checksum first (no I/O, so
 * guessed keys cost nothing), then the cached key, its keyed hash in constant time, revocation,
 * expiry and the tenant's status.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    /** A key that passed, with its tenant's current limits. */
    public record KeyCaller(CachedKey key, TenantLimits tenant) {

        /** 403 unless the key holds the scope. */
        public void require(ApiKeyScope scope) {
            if (!key.scopes().contains(scope)) {
                throw new ForbiddenException(
                        "This API key lacks the scope " + scope.wireName() + ".");
            }
        }
    }

    private static final String BEARER = "Bearer ";

    private final ApiKeyCache keys;
    private final ApiKeyHasher hasher;
    private final TenantLimitsCache tenants;
    private final LastUsedRecorder lastUsed;

    public ApiKeyAuthenticator(
            ApiKeyCache keys,
            ApiKeyHasher hasher,
            TenantLimitsCache tenants,
            LastUsedRecorder lastUsed) {
        this.keys = keys;
        this.hasher = hasher;
        this.tenants = tenants;
        this.lastUsed = lastUsed;
    }

    /**
     * The caller, or a failure with {@link InvalidApiKeyException}; complete at once when the key
     * and its tenant are in memory.
     */
    public CompletionStage<KeyCaller> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, 7)) {
            return CompletableFuture.failedFuture(new InvalidApiKeyException());
        }
        Optional<ApiKeyFormat.ParsedKey> parsed =
                ApiKeyFormat.parse(authorization.substring(BEARER.length()).trim());
        if (parsed.isEmpty()) {
            return CompletableFuture.failedFuture(new InvalidApiKeyException());
        }
        String presented = parsed.get().whole();
        return keys.find(parsed.get().keyId())
                .thenCompose(
                        found -> {
                            CachedKey key = found.filter(k -> valid(k, presented)).orElse(null);
                            if (key == null) {
                                return CompletableFuture.failedFuture(new InvalidApiKeyException());
                            }
                            return tenants.get(key.tenantId())
                                    .thenApply(tenant -> accept(key, tenant));
                        });
    }

    private KeyCaller accept(CachedKey key, TenantLimits tenant) {
        if (!tenant.active()) {
            throw new InvalidApiKeyException();
        }
        lastUsed.touch(key.id());
        return new KeyCaller(key, tenant);
    }

    private boolean valid(CachedKey key, String presented) {
        Instant now = Instant.now();
        if (key.revokedAt() != null || !key.expiresAt().isAfter(now)) {
            return false;
        }
        if (hasher.matches(presented, key.secretHash())) {
            return true;
        }
        return key.previousSecretHash() != null
                && key.previousSecretExpiresAt() != null
                && key.previousSecretExpiresAt().isAfter(now)
                && hasher.matches(presented, key.previousSecretHash());
    }
}
