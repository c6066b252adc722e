package org.mlplatform.contract.usage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** Usage across tenants, for platform admins; {@code tenant} narrows it to one. */
@Path("/api/v1/admin/usage")
@Produces(MediaType.APPLICATION_JSON)
public interface AdminUsageApi {

    @GET
    UsageResponse get(
            @QueryParam("tenant") String tenant,
            @QueryParam("from") Instant from,
            @QueryParam("to") Instant to,
            @QueryParam("granularity") UsageGranularity granularity,
            @QueryParam("groupBy") UsageGroupBy groupBy);
}
