package org.mlplatform.contract.worker;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * What workers call, with the {@code platform-worker} service account (realm role worker). The
 * class path is {@code /internal/v1} like the other internal APIs: JAX-RS picks the root resource
 * by its class path first, so a root at {@code /internal/v1/workers} would hide {@code
 * /internal/v1/workers/{worker}/deployments} of {@code DeploymentsInternalApi}.
 */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface WorkersInternalApi {

    /** Registers a worker, or updates it when the name is known: 200 with its id. */
    @POST
    @Path("/workers/register")
    WorkerResponse register(@Valid @NotNull RegisterWorkerRequest request);

    /** Records a heartbeat: 204; 404 when the id is unknown, and the worker registers again. */
    @POST
    @Path("/workers/{id}/heartbeat")
    void heartbeat(@PathParam("id") UUID id);
}
