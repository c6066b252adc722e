package org.mlplatform.api.apikey;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.apikey.ApiKeyResponse;
import org.mlplatform.contract.apikey.ApiKeysApi;
import org.mlplatform.contract.apikey.CreateApiKeyRequest;
import org.mlplatform.contract.apikey.CreatedApiKeyResponse;
import org.mlplatform.contract.apikey.RotateApiKeyRequest;
import org.mlplatform.contract.common.PageResponse;

/** A tenant's API keys: members read, ADMIN and OWNER change. */
@Authenticated
public class ApiKeysResource implements ApiKeysApi {

    private final ApiKeyService keys;

    public ApiKeysResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public RestResponse<CreatedApiKeyResponse> create(String tenant, CreateApiKeyRequest request) {
        CreatedApiKeyResponse created = keys.create(tenant, request);
        return RestResponse.ResponseBuilder.<CreatedApiKeyResponse>created(
                        UriBuilder.fromPath("/api/v1/tenants/{tenant}/api-keys/{id}")
                                .build(tenant, created.key().id()))
                .entity(created)
                .build();
    }

    @Override
    public PageResponse<ApiKeyResponse> list(String tenant, Integer page, Integer size) {
        return keys.list(tenant, page, size);
    }

    @Override
    public ApiKeyResponse get(String tenant, UUID id) {
        return keys.get(tenant, id);
    }

    @Override
    public ApiKeyResponse revoke(String tenant, UUID id) {
        return keys.revoke(tenant, id);
    }

    @Override
    public CreatedApiKeyResponse rotate(String tenant, UUID id, RotateApiKeyRequest request) {
        return keys.rotate(tenant, id, request);
    }
}
