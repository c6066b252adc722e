package org.mlplatform.api.deployment;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.deployment.CreateDeploymentRequest;
import org.mlplatform.contract.deployment.DeploymentResponse;
import org.mlplatform.contract.deployment.DeploymentsApi;
import org.mlplatform.contract.deployment.UpdateDeploymentRequest;

/** A tenant's deployments; the rules live in {@link DeploymentService}. */
@Authenticated
public class DeploymentsResource implements DeploymentsApi {

    private final DeploymentService deployments;

    public DeploymentsResource(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @Override
    public RestResponse<DeploymentResponse> create(String tenant, CreateDeploymentRequest request) {
        DeploymentResponse created = deployments.create(tenant, request);
        return RestResponse.ResponseBuilder.<DeploymentResponse>created(
                        UriBuilder.fromPath("/api/v1/tenants/{tenant}/deployments/{id}")
                                .build(tenant, created.id()))
                .entity(created)
                .build();
    }

    @Override
    public PageResponse<DeploymentResponse> list(
            String tenant, String model, Integer page, Integer size) {
        return deployments.list(tenant, model, page, size);
    }

    @Override
    public DeploymentResponse get(String tenant, UUID id) {
        return deployments.get(tenant, id);
    }

    @Override
    public DeploymentResponse update(String tenant, UUID id, UpdateDeploymentRequest request) {
        return deployments.update(tenant, id, request);
    }

    @Override
    public void delete(String tenant, UUID id) {
        deployments.delete(tenant, id);
    }
}
