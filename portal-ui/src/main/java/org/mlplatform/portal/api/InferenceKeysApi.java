package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.mlplatform.contract.apikey.ApiKeyResponse;
import org.mlplatform.contract.apikey.ApiKeysApi;
import org.mlplatform.contract.apikey.CreateApiKeyRequest;
import org.mlplatform.contract.apikey.CreatedApiKeyResponse;
import org.mlplatform.contract.apikey.RotateApiKeyRequest;
import org.mlplatform.contract.common.PageResponse;

/**
 * A tenant's API keys for the inference API, asked on behalf of the signed-in user. A secret comes
 * back only from {@link #create} and {@link #rotate}, once. Every method throws {@link
 * PlatformApiException} with a readable message when the call fails.
 */
@ApplicationScoped
public class InferenceKeysApi {

    private final ApiKeysApi keys;

    @Inject
    InferenceKeysApi(@RestClient ApiKeysClient keys) {
        this((ApiKeysApi) keys);
    }

    /** Takes the contract interface, so tests can pass an in-memory implementation. */
    public InferenceKeysApi(ApiKeysApi keys) {
        this.keys = keys;
    }

    /** One page of keys, newest first, revoked ones too. */
    public PageResponse<ApiKeyResponse> keys(String tenant, int page, int size) {
        return ApiCalls.call(() -> keys.list(tenant, page, size));
    }

    public CreatedApiKeyResponse create(String tenant, CreateApiKeyRequest request) {
        return ApiCalls.call(() -> keys.create(tenant, request).getEntity());
    }

    public ApiKeyResponse revoke(String tenant, UUID id) {
        return ApiCalls.call(() -> keys.revoke(tenant, id));
    }

    /** A new secret; the old one keeps working for {@code gracePeriodSeconds}. */
    public CreatedApiKeyResponse rotate(String tenant, UUID id, long gracePeriodSeconds) {
        return ApiCalls.call(
                () -> keys.rotate(tenant, id, new RotateApiKeyRequest(gracePeriodSeconds)));
    }
}
