package org.mlplatform.api.worker;

import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.mlplatform.api.common.Roles;
import org.mlplatform.contract.worker.RegisterWorkerRequest;
import org.mlplatform.contract.worker.WorkerResponse;
import org.mlplatform.contract.worker.WorkersInternalApi;

/** What worker nodes call with their service account. */
@RolesAllowed(Roles.WORKER)
public class WorkersInternalResource implements WorkersInternalApi {

    private final WorkerService workers;

    public WorkersInternalResource(WorkerService workers) {
        this.workers = workers;
    }

    @Override
    public WorkerResponse register(RegisterWorkerRequest request) {
        return workers.register(request);
    }

    @Override
    public void heartbeat(UUID id) {
        workers.heartbeat(id);
    }
}
