package org.mlplatform.contract.quota;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Platform admins set each tenant's limits. */
@Path("/api/v1/admin/tenants/{slug}/quota")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AdminQuotaApi {

    @GET
    QuotaResponse get(@PathParam("slug") String slug);

    @PUT
    QuotaResponse set(@PathParam("slug") String slug, @Valid @NotNull SetQuotaRequest request);
}
