package org.mlplatform.contract.quota;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A tenant's limits and current use, for every member. */
@Path("/api/v1/tenants/{tenant}/quota")
@Produces(MediaType.APPLICATION_JSON)
public interface QuotaApi {

    @GET
    QuotaResponse get(@PathParam("tenant") String tenant);
}
