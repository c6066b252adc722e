package org.mlplatform.contract.worker;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The registered workers and their last heartbeat, for platform admins. */
@Path("/api/v1/admin/workers")
@Produces(MediaType.APPLICATION_JSON)
public interface AdminWorkersApi {

    @GET
    List<WorkerResponse> list();
}
