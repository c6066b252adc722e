package org.mlplatform.api.apikey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mlplatform.api.audit.AuditLog;
import org.mlplatform.api.common.ConflictException;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.common.Pages;
import org.mlplatform.api.member.Membership;
import org.mlplatform.api.model.Model;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.contract.apikey.ApiKeyResponse;
import org.mlplatform.contract.apikey.ApiKeyScope;
import org.mlplatform.contract.apikey.CreateApiKeyRequest;
import org.mlplatform.contract.apikey.CreatedApiKeyResponse;
import org.mlplatform.contract.apikey.RotateApiKeyRequest;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.common.ProblemDetail.FieldError;
import org.mlplatform.contract.tenant.Slugs;
import org.mlplatform.contract.tenant.TenantRole;

/** Creating, listing, rotating and revoking a tenant's API keys. Secrets are shown once. */
@ApplicationScoped
public class ApiKeyService {

    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);

    private final TenantAccess access;
    private final ApiKeyHasher hasher;
    private final ApiKeyCache cache;
    private final ApiKeysConfig config;
    private final AuditLog audit;

    public ApiKeyService(
            TenantAccess access,
            ApiKeyHasher hasher,
            ApiKeyCache cache,
            ApiKeysConfig config,
            AuditLog audit) {
        this.access = access;
        this.hasher = hasher;
        this.cache = cache;
        this.config = config;
        this.audit = audit;
    }

    @Transactional
    public CreatedApiKeyResponse create(String slug, CreateApiKeyRequest request) {
        Membership mine = access.require(slug, TenantRole.ADMIN);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.tenantId = mine.tenant.id;
        key.name = request.name().trim();
        key.keyId = ApiKeyFormat.newKeyId();
        key.scopes = request.scopes().stream().distinct().map(ApiKeyScope::wireName).toList();
        key.models = models(mine.tenant.id, request.models());
        key.expiresAt = expiry(request.expiresAt(), now);
        if (request.rateLimit() != null) {
            key.rateRps = request.rateLimit().requestsPerSecond();
            key.rateBurst =
                    request.rateLimit().burst() != null
                            ? request.rateLimit().burst()
                            : (int) Math.max(1, Math.ceil(key.rateRps));
        }
        key.monthlyRequestLimit = request.monthlyRequestLimit();
        key.createdBy = access.caller().username();
        key.createdAt = now;
        String secret = ApiKeyFormat.newKey(key.keyId);
        key.secretHash = hasher.hash(secret);
        key.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", key.name);
        details.put("prefix", ApiKeyFormat.prefix(key.keyId));
        details.put("scopes", key.scopes);
        audit.record(
                key.createdBy,
                mine.tenant,
                AuditLog.API_KEY_CREATED,
                "api_key",
                key.id.toString(),
                details);
        return new CreatedApiKeyResponse(ApiKeyResponses.of(key), secret);
    }

    public PageResponse<ApiKeyResponse> list(String slug, Integer page, Integer size) {
        long tenantId = access.require(slug, TenantRole.VIEWER).tenant.id;
        return Pages.of(ApiKey.ofTenant(tenantId), page, size, ApiKeyResponses::of);
    }

    public ApiKeyResponse get(String slug, UUID id) {
        long tenantId = access.require(slug, TenantRole.VIEWER).tenant.id;
        return ApiKeyResponses.of(find(tenantId, id));
    }

    /** Revokes the key; revoking twice keeps the first time. */
    @Transactional
    public ApiKeyResponse revoke(String slug, UUID id) {
        Membership mine = access.require(slug, TenantRole.ADMIN);
        ApiKey key = find(mine.tenant.id, id);
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
            audit.record(
                    access.caller().username(),
                    mine.tenant,
                    AuditLog.API_KEY_REVOKED,
                    "api_key",
                    key.id.toString(),
                    Map.of("name", key.name, "prefix", ApiKeyFormat.prefix(key.keyId)));
        }
        cache.invalidate(key.keyId);
        return ApiKeyResponses.of(key);
    }

    /** A new secret; the old one stays valid for the grace period. 409 for a revoked key. */
    @Transactional
    public CreatedApiKeyResponse rotate(String slug, UUID id, RotateApiKeyRequest request) {
        Membership mine = access.require(slug, TenantRole.ADMIN);
        ApiKey key = find(mine.tenant.id, id);
        if (key.revokedAt != null) {
            throw new ConflictException("The key is revoked; create a new one.");
        }
        long grace = request.gracePeriodSeconds() == null ? 0 : request.gracePeriodSeconds();
        Instant now = Instant.now();
        key.previousSecretHash = grace > 0 ? key.secretHash : null;
        key.previousSecretExpiresAt = grace > 0 ? now.plusSeconds(grace) : null;
        String secret = ApiKeyFormat.newKey(key.keyId);
        key.secretHash = hasher.hash(secret);
        audit.record(
                access.caller().username(),
                mine.tenant,
                AuditLog.API_KEY_ROTATED,
                "api_key",
                key.id.toString(),
                Map.of("prefix", ApiKeyFormat.prefix(key.keyId), "gracePeriodSeconds", grace));
        cache.invalidate(key.keyId);
        return new CreatedApiKeyResponse(ApiKeyResponses.of(key), secret);
    }

    private Instant expiry(Instant requested, Instant now) {
        Instant latest = now.plus(config.maxLifetime());
        if (requested == null) {
            return latest;
        }
        if (requested.isAfter(latest.plusSeconds(60))) {
            throw invalid(
                    "expiresAt",
                    "must be at most " + config.maxLifetime().toDays() + " days ahead");
        }
        if (!requested.isAfter(now)) {
            throw invalid("expiresAt", "must be in the future");
        }
        return requested;
    }

    /** The allow-list: names of the tenant's models (a name that is not one is a typo, a 400). */
    private static List<String> models(long tenantId, List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        List<String> models = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String name = requested.get(i).trim();
            if (!SLUG.matcher(name).matches()) {
                throw invalid("models[" + i + "]", "must be a model name (lowercase slug)");
            }
            if (Model.findByName(tenantId, name).isEmpty()) {
                throw invalid("models[" + i + "]", "no model '" + name + "' in this tenant");
            }
            if (!models.contains(name)) {
                models.add(name);
            }
        }
        return List.copyOf(models);
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(
                "The request has invalid fields.", List.of(new FieldError(field, message)));
    }

    private static ApiKey find(long tenantId, UUID id) {
        return ApiKey.findInTenant(tenantId, id)
                .orElseThrow(() -> new NotFoundException("No API key '" + id + "'."));
    }
}
