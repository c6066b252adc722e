package org.mlplatform.contract.deployment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;

/**
 * A tenant's deployments: model versions served by inference workers. Members read; MEMBER and
 * stronger deploy, change and undeploy.
 */
@Path("/api/v1/tenants/{tenant}/deployments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DeploymentsApi {

    /**
     * 201 PENDING with {@code Location}; 404 for an unknown model or version; 409 when the version
     * is not READY or is deployed already.
     */
    @POST
    RestResponse<DeploymentResponse> create(
            @PathParam("tenant") String tenant, @Valid @NotNull CreateDeploymentRequest request);

    /** Newest first; {@code model} keeps one model's deployments. */
    @GET
    PageResponse<DeploymentResponse> list(
            @PathParam("tenant") String tenant,
            @QueryParam("model") String model,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @GET
    @Path("/{id}")
    DeploymentResponse get(@PathParam("tenant") String tenant, @PathParam("id") UUID id);

    /**
     * Changes batching or replicas without interrupting calls: workers apply batching to their next
     * batch and load or drop replicas within a few seconds. 200 with the deployment.
     */
    @PATCH
    @Path("/{id}")
    DeploymentResponse update(
            @PathParam("tenant") String tenant,
            @PathParam("id") UUID id,
            @Valid @NotNull UpdateDeploymentRequest request);

    /** Stops serving: 204. Workers unload it within a few seconds. */
    @DELETE
    @Path("/{id}")
    void delete(@PathParam("tenant") String tenant, @PathParam("id") UUID id);
}
