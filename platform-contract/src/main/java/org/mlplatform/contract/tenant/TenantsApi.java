package org.mlplatform.contract.tenant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A tenant, as its members see it. */
@Path("/api/v1/tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public interface TenantsApi {

    @GET
    TenantResponse get(@PathParam("tenant") String tenant);
}
