package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.model.CreateModelRequest;
import org.mlplatform.contract.model.ModelResponse;
import org.mlplatform.contract.model.ModelVersionResponse;
import org.mlplatform.contract.model.ModelVersionsApi;
import org.mlplatform.contract.model.ModelsApi;
import org.mlplatform.contract.model.UpdateModelRequest;

/**
 * A tenant's models and their versions, asked on behalf of the signed-in user. Uploads do not go
 * through here but through {@link Uploads}, which streams them. Every method throws {@link
 * PlatformApiException} with a readable message when the call fails.
 */
@ApplicationScoped
public class ModelRegistryApi {

    private final ModelsApi models;
    private final ModelVersionsApi versions;

    @Inject
    ModelRegistryApi(@RestClient ModelsClient models, @RestClient ModelVersionsClient versions) {
        this((ModelsApi) models, (ModelVersionsApi) versions);
    }

    /** Takes the contract interfaces, so tests can pass in-memory implementations. */
    public ModelRegistryApi(ModelsApi models, ModelVersionsApi versions) {
        this.models = models;
        this.versions = versions;
    }

    /** One page of models whose name or description contains {@code query} (blank for all). */
    public PageResponse<ModelResponse> models(String tenant, String query, int page, int size) {
        return ApiCalls.call(() -> models.list(tenant, Strings.blankToNull(query), page, size));
    }

    /** The model, or empty when it does not exist in the tenant. */
    public Optional<ModelResponse> model(String tenant, String model) {
        return ApiCalls.find(() -> models.get(tenant, model));
    }

    public ModelResponse createModel(String tenant, CreateModelRequest request) {
        return ApiCalls.call(() -> models.create(tenant, request).getEntity());
    }

    /**
     * Makes {@code version} (it must be deployed) answer the model's unversioned inference calls.
     */
    public ModelResponse setDefaultVersion(String tenant, String model, int version) {
        return ApiCalls.call(
                () -> models.update(tenant, model, new UpdateModelRequest(null, null, version)));
    }

    /** Deletes the model with all its versions. */
    public void deleteModel(String tenant, String model) {
        ApiCalls.run(() -> models.delete(tenant, model));
    }

    /** The model's versions, newest first. */
    public List<ModelVersionResponse> versions(String tenant, String model) {
        return ApiCalls.call(() -> versions.list(tenant, model));
    }

    /** The version, or empty when it does not exist. */
    public Optional<ModelVersionResponse> version(String tenant, String model, int version) {
        return ApiCalls.find(() -> versions.get(tenant, model, version));
    }

    public void deleteVersion(String tenant, String model, int version) {
        ApiCalls.run(() -> versions.delete(tenant, model, version));
    }
}
