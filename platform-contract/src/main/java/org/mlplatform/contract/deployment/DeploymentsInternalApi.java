package org.mlplatform.contract.deployment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * What inference workers call, with the {@code platform-worker} service account. A worker watches
 * its assignments (the deployments it ranks among the top {@code replicas} for, by rendezvous
 * hashing over the live inference workers), warms them up, reports each one's state, and withdraws
 * its report when it drops one.
 */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DeploymentsInternalApi {

    /**
     * The deployments this worker should hold loaded, with an {@code ETag} of the list; 404 when
     * the worker id is unknown. A long poll when the worker sends the {@code ETag} of the list it
     * holds ({@code If-None-Match}) and {@code waitSeconds}: the answer comes as soon as its list
     * changes (200), or as soon as any change to deployments was announced without changing it
     * (304, so that the worker checks the deployments it serves without holding them, after a
     * failover), or after {@code waitSeconds} with nothing announced (304).
     */
    @GET
    @Path("/workers/{worker}/deployments")
    RestResponse<List<DeploymentAssignment>> assigned(
            @PathParam("worker") UUID worker,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String knownTag,
            @QueryParam("waitSeconds") @Min(0) @Max(60) Integer waitSeconds);

    /**
     * One deployment, for a worker that gets a request for one it has not loaded (after a
     * failover); 404 when it does not exist (any more).
     */
    @GET
    @Path("/deployments/{id}")
    DeploymentAssignment get(@PathParam("id") UUID id);

    /** Records the worker's state of the deployment: 204; 404 for an unknown deployment. */
    @PUT
    @Path("/deployments/{id}/replicas/{worker}")
    void report(
            @PathParam("id") UUID id,
            @PathParam("worker") UUID worker,
            @Valid @NotNull ReplicaReport report);

    /**
     * Withdraws the worker's report: it dropped the deployment (no longer assigned). 204, also when
     * there was none.
     */
    @DELETE
    @Path("/deployments/{id}/replicas/{worker}")
    void withdraw(@PathParam("id") UUID id, @PathParam("worker") UUID worker);
}
