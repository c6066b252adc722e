package org.mlplatform.api.worker;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.mlplatform.api.common.Roles;
import org.mlplatform.contract.worker.AdminWorkersApi;
import org.mlplatform.contract.worker.WorkerResponse;

/** The workers and whether they are online, for platform admins. */
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AdminWorkersResource implements AdminWorkersApi {

    private final WorkerService workers;

    public AdminWorkersResource(WorkerService workers) {
        this.workers = workers;
    }

    @Override
    public List<WorkerResponse> list() {
        return workers.list();
    }
}
