package org.mlplatform.api.model;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.model.CreateModelRequest;
import org.mlplatform.contract.model.ModelResponse;
import org.mlplatform.contract.model.ModelsApi;
import org.mlplatform.contract.model.UpdateModelRequest;

/** A tenant's models; the rules live in {@link ModelService}. */
@Authenticated
public class ModelsResource implements ModelsApi {

    private final ModelService models;

    public ModelsResource(ModelService models) {
        this.models = models;
    }

    @Override
    public RestResponse<ModelResponse> create(String tenant, CreateModelRequest request) {
        ModelResponse created = models.create(tenant, request);
        return RestResponse.ResponseBuilder.<ModelResponse>created(
                        UriBuilder.fromPath("/api/v1/tenants/{tenant}/models/{model}")
                                .build(tenant, created.name()))
                .entity(created)
                .build();
    }

    @Override
    public PageResponse<ModelResponse> list(String tenant, String q, Integer page, Integer size) {
        return models.list(tenant, q, page, size);
    }

    @Override
    public ModelResponse get(String tenant, String model) {
        return models.get(tenant, model);
    }

    @Override
    public ModelResponse update(String tenant, String model, UpdateModelRequest request) {
        return models.update(tenant, model, request);
    }

    @Override
    public void delete(String tenant, String model) {
        models.delete(tenant, model);
    }
}
