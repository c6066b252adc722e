package org.mlplatform.contract.usage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * A tenant's inference usage, for every member. {@code from} defaults to 24 hours before {@code
 * to}, {@code to} to now, granularity to hour; 400 for a range of more than 10,000 points.
 */
@Path("/api/v1/tenants/{tenant}/usage")
@Produces(MediaType.APPLICATION_JSON)
public interface UsageApi {

    @GET
    UsageResponse get(
            @PathParam("tenant") String tenant,
            @QueryParam("from") Instant from,
            @QueryParam("to") Instant to,
            @QueryParam("granularity") UsageGranularity granularity,
            @QueryParam("groupBy") UsageGroupBy groupBy);
}
