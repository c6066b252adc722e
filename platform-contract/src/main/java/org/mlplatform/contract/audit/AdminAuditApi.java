package org.mlplatform.contract.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.mlplatform.contract.common.PageResponse;

/** Every audit event of the platform, newest first, for platform admins. */
@Path("/api/v1/admin/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public interface AdminAuditApi {

    /**
     * @param tenant only events of this tenant slug; empty for all
     * @param action only events with this action, such as {@code tenant.suspended}
     */
    @GET
    PageResponse<AuditEventResponse> list(
            @QueryParam("tenant") String tenant,
            @QueryParam("action") String action,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);
}
