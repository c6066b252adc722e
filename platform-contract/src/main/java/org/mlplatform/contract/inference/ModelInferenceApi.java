package org.mlplatform.contract.inference;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Inference for signed-in members ("Try it" in the portal): the same gateway path as {@code
 * /v2/models/{model}/infer} with an API key, authorised by the user's token instead and metered
 * without a key. {@code version} absent: the model's default version. Errors are problem+json.
 */
@Path("/api/v1/tenants/{tenant}/models/{model}/infer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ModelInferenceApi {

    @POST
    InferResponse infer(
            @PathParam("tenant") String tenant,
            @PathParam("model") String model,
            @QueryParam("version") Integer version,
            @NotNull InferRequest request);
}
