package org.mlplatform.api.deployment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
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
    public RestResponse<List<DeploymentAssignment>> assigned(
            UUID worker, String knownTag, Integer waitSeconds) {
        DeploymentAssignments.Watched watched =
                assignments.watch(
                        worker,
                        knownTag,
                        Duration.ofSeconds(waitSeconds == null ? 0 : waitSeconds));
        return (watched.changed()
                        ? ResponseBuilder.ok(watched.deployments())
                        : ResponseBuilder.<List<DeploymentAssignment>>notModified())
                .header(HttpHeaders.ETAG, watched.tag())
                .build();
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
