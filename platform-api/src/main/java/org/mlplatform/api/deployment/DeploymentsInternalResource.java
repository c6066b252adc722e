package org.mlplatform.api.deployment;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.mlplatform.api.common.Roles;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.deployment.DeploymentsInternalApi;
import org.mlplatform.contract.deployment.ReplicaReport;

/** What inference workers call with their service account; see {@link DeploymentAssignments}. */
@RolesAllowed(Roles.WORKER)
public class DeploymentsInternalResource implements DeploymentsInternalApi {

    private final DeploymentAssignments assignments;

    public DeploymentsInternalResource(DeploymentAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public List<DeploymentAssignment> assigned(UUID worker) {
        return assignments.assigned(worker);
    }

    @Override
    public DeploymentAssignment get(UUID id) {
        return assignments.get(id);
    }

    @Override
    public void report(UUID id, UUID worker, ReplicaReport report) {
        assignments.report(id, worker, report);
    }

    @Override
    public void withdraw(UUID id, UUID worker) {
        assignments.withdraw(id, worker);
    }
}
