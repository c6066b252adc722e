package org.mlplatform.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.apikey.ApiKeyResponse;
import org.mlplatform.contract.apikey.ApiKeyScope;
import org.mlplatform.contract.apikey.ApiKeyStatus;
import org.mlplatform.contract.apikey.ApiKeysApi;
import org.mlplatform.contract.apikey.CreateApiKeyRequest;
import org.mlplatform.contract.apikey.CreatedApiKeyResponse;
import org.mlplatform.contract.apikey.RateLimit;
import org.mlplatform.contract.apikey.RotateApiKeyRequest;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.portal.api.PlatformApiException;

/**
 * In-memory API keys, newest first. Secrets are {@code mlp_<n>_secret<m>}, a new one for every
 * creation and rotation, and never part of a listed key, as on the platform.
 */
public class FakeApiKeys implements ApiKeysApi {

    private final FakePlatform platform;
    public final Map<UUID, String> tenantOf = new LinkedHashMap<>();
    public final List<ApiKeyResponse> keys = new ArrayList<>();
    public final List<String> secretsIssued = new ArrayList<>();

    FakeApiKeys(FakePlatform platform) {
        this.platform = platform;
    }

    /** Adds an ACTIVE key of {@code tenant} with both scopes and a rate limit of 5/s burst 10. */
    public ApiKeyResponse key(String tenant, String name, List<String> models) {
        UUID id = new UUID(2, keys.size() + 1);
        ApiKeyResponse key =
                new ApiKeyResponse(
                        id,
                        name,
                        "mlp_" + (keys.size() + 1),
                        List.of(ApiKeyScope.INFERENCE_INVOKE, ApiKeyScope.MODELS_READ),
                        models,
                        new RateLimit(5.0, 10),
                        null,
                        ApiKeyStatus.ACTIVE,
                        "alice",
                        FakePlatform.T0,
                        null,
                        FakePlatform.T0.plusSeconds(365L * 86_400),
                        null,
                        null);
        keys.add(0, key);
        tenantOf.put(id, tenant);
        return key;
    }

    private String secret(ApiKeyResponse key) {
        String secret = key.prefix() + "_secret" + (secretsIssued.size() + 1);
        secretsIssued.add(secret);
        return secret;
    }

    private int indexOf(String tenant, UUID id) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).id().equals(id) && tenant.equals(tenantOf.get(id))) {
                return i;
            }
        }
        throw new PlatformApiException(404, "Not found.");
    }

    @Override
    public RestResponse<CreatedApiKeyResponse> create(String tenant, CreateApiKeyRequest request) {
        platform.write(request);
        ApiKeyResponse plain = key(tenant, request.name(), request.models());
        ApiKeyResponse key =
                new ApiKeyResponse(
                        plain.id(),
                        request.name(),
                        plain.prefix(),
                        request.scopes(),
                        request.models() == null ? List.of() : request.models(),
                        request.rateLimit(),
                        request.monthlyRequestLimit(),
                        ApiKeyStatus.ACTIVE,
                        "alice",
                        FakePlatform.T0,
                        null,
                        request.expiresAt(),
                        null,
                        null);
        keys.set(0, key);
        return RestResponse.status(
                RestResponse.Status.CREATED, new CreatedApiKeyResponse(key, secret(key)));
    }

    @Override
    public PageResponse<ApiKeyResponse> list(String tenant, Integer page, Integer size) {
        return FakePlatform.page(
                keys.stream().filter(k -> tenant.equals(tenantOf.get(k.id()))).toList(),
                page,
                size);
    }

    @Override
    public ApiKeyResponse get(String tenant, UUID id) {
        return keys.get(indexOf(tenant, id));
    }

    @Override
    public ApiKeyResponse revoke(String tenant, UUID id) {
        platform.write("revoke " + id);
        int i = indexOf(tenant, id);
        ApiKeyResponse k = keys.get(i);
        ApiKeyResponse revoked =
                new ApiKeyResponse(
                        k.id(),
                        k.name(),
                        k.prefix(),
                        k.scopes(),
                        k.models(),
                        k.rateLimit(),
                        k.monthlyRequestLimit(),
                        ApiKeyStatus.REVOKED,
                        k.createdBy(),
                        k.createdAt(),
                        k.lastUsedAt(),
                        k.expiresAt(),
                        FakePlatform.T0,
                        null);
        keys.set(i, revoked);
        return revoked;
    }

    @Override
    public CreatedApiKeyResponse rotate(String tenant, UUID id, RotateApiKeyRequest request) {
        platform.write(request);
        ApiKeyResponse k = keys.get(indexOf(tenant, id));
        return new CreatedApiKeyResponse(k, secret(k));
    }
}
