package org.mlplatform.contract.model;

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
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;

/** A tenant's models. Members read; MEMBER and stronger create, change and delete. */
@Path("/api/v1/tenants/{tenant}/models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ModelsApi {

    /** 201 with {@code Location}; 409 if the name is taken; 403 past the tenant's maxModels. */
    @POST
    RestResponse<ModelResponse> create(
            @PathParam("tenant") String tenant, @Valid @NotNull CreateModelRequest request);

    /** Models by name; {@code q} matches name or description. */
    @GET
    PageResponse<ModelResponse> list(
            @PathParam("tenant") String tenant,
            @QueryParam("q") String q,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @GET
    @Path("/{model}")
    ModelResponse get(@PathParam("tenant") String tenant, @PathParam("model") String model);

    @PATCH
    @Path("/{model}")
    ModelResponse update(
            @PathParam("tenant") String tenant,
            @PathParam("model") String model,
            @Valid @NotNull UpdateModelRequest request);

    /** Deletes the model and all its versions: 204. */
    @DELETE
    @Path("/{model}")
    void delete(@PathParam("tenant") String tenant, @PathParam("model") String model);
}
