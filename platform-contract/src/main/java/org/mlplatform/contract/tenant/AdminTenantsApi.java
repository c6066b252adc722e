package org.mlplatform.contract.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** Tenant administration, for platform admins only. */
@Path("/api/v1/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AdminTenantsApi {

    /** Creates a tenant: 201 with {@code Location}, 409 if the slug is taken. */
    @POST
    RestResponse<TenantResponse> create(@Valid @NotNull CreateTenantRequest request);

    /**
     * Lists tenants by slug.
     *
     * @param q matches slug or name, case-insensitive; empty for all
     * @param status only tenants in this status; empty for all
     */
    @GET
    PageResponse<TenantResponse> list(
            @QueryParam("q") String q,
            @QueryParam("status") TenantStatus status,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @GET
    @Path("/{slug}")
    TenantResponse get(@PathParam("slug") String slug);

    /** Renames, suspends or reactivates a tenant. */
    @PATCH
    @Path("/{slug}")
    TenantResponse update(
            @PathParam("slug") String slug, @Valid @NotNull UpdateTenantRequest request);
}
