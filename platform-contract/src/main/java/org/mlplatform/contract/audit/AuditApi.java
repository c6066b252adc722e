package org.mlplatform.contract.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.mlplatform.contract.common.PageResponse;

/** A tenant's audit trail, newest first, for its OWNERs and ADMINs. */
@Path("/api/v1/tenants/{tenant}/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    @GET
    PageResponse<AuditEventResponse> list(
            @PathParam("tenant") String tenant,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);
}
