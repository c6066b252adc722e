package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.mlplatform.contract.common.Paging;
import org.mlplatform.contract.deployment.CreateDeploymentRequest;
import org.mlplatform.contract.deployment.DeploymentResponse;
import org.mlplatform.contract.deployment.DeploymentsApi;
import org.mlplatform.contract.deployment.UpdateDeploymentRequest;
import org.mlplatform.contract.inference.InferRequest;
import org.mlplatform.contract.inference.InferResponse;
import org.mlplatform.contract.inference.ModelInferenceApi;

/**
 * A tenant's deployments and inference through them, asked on behalf of the signed-in user (the
 * portal's "Try it" goes through the same gateway path as API-key calls). Every method throws
 * {@link PlatformApiException} with a readable message when the call fails.
 */
@ApplicationScoped
public class ServingApi {

    private final DeploymentsApi deployments;
    private final ModelInferenceApi inference;

    @Inject
    ServingApi(
            @RestClient DeploymentsClient deployments, @RestClient ModelInferenceClient inference) {
        this((DeploymentsApi) deployments, (ModelInferenceApi) inference);
    }

    /** Takes the contract interfaces, so tests can pass in-memory implementations. */
    public ServingApi(DeploymentsApi deployments, ModelInferenceApi inference) {
        this.deployments = deployments;
        this.inference = inference;
    }

    /**
     * The tenant's deployments, newest first, all pages read (a tenant has few); {@code model}
     * keeps one model's (null: all).
     */
    public List<DeploymentResponse> deployments(String tenant, String model) {
        return ApiCalls.call(
                () -> {
                    List<DeploymentResponse> all = new java.util.ArrayList<>();
                    for (int page = 0; ; page++) {
                        var items = deployments.list(tenant, model, page, Paging.MAX_SIZE).items();
                        all.addAll(items);
                        if (items.size() < Paging.MAX_SIZE) {
                            return all;
                        }
                    }
                });
    }

    /** Deploys a READY version; a 409 says it is not READY or is deployed already. */
    public DeploymentResponse deploy(String tenant, CreateDeploymentRequest request) {
        return ApiCalls.call(() -> deployments.create(tenant, request).getEntity());
    }

    /** Changes batching or replicas of a serving deployment; a 400 names the refused fields. */
    public DeploymentResponse update(String tenant, UUID id, UpdateDeploymentRequest request) {
        return ApiCalls.call(() -> deployments.update(tenant, id, request));
    }

    /** Stops serving the deployment. */
    public void undeploy(String tenant, UUID id) {
        ApiCalls.run(() -> deployments.delete(tenant, id));
    }

    /** Calls the model; {@code version} null: the model's default version. */
    public InferResponse infer(String tenant, String model, Integer version, InferRequest request) {
        return ApiCalls.call(() -> inference.infer(tenant, model, version, request));
    }
}
