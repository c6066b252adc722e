package org.mlplatform.api.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.tenant.Tenant;
import org.mlplatform.api.worker.Worker;
import org.mlplatform.api.worker.WorkerService;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.deployment.ReplicaReport;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.contract.model.VersionSource;

/**
 * The worker side of deployments: which deployments a worker should hold (its rank among the live
 * inference workers by {@link Rendezvous}, the same ranking the gateway routes by), and the replica
 * reports that make a deployment READY or FAILED.
 */
@ApplicationScoped
public class DeploymentAssignments {

    private final WorkerService workers;
    private final DeploymentResponses responses;
    private final Event<DeploymentsChanged> changed;

    public DeploymentAssignments(
            WorkerService workers,
            DeploymentResponses responses,
            Event<DeploymentsChanged> changed) {
        this.workers = workers;
        this.responses = responses;
        this.changed = changed;
    }

    /**
     * The deployments for which this worker ranks among the top {@code replicas} live inference
     * workers; empty for a worker that is not a live inference worker. 404 for an unknown worker.
     */
    @Transactional
    public List<DeploymentAssignment> assigned(UUID workerId) {
        requireWorker(workerId);
        List<UUID> live = workers.liveInferenceWorkers().stream().map(w -> w.id).toList();
        if (!live.contains(workerId)) {
            return List.of();
        }
        List<Deployment> all =
                Deployment.<Deployment>list(
                        "select d from Deployment d join fetch d.model join fetch d.modelVersion"
                                + " order by d.createdAt, d.id");
        List<Deployment> mine =
                all.stream()
                        .filter(
                                d ->
                                        Rendezvous.top(d.id, live, Function.identity(), d.replicas)
                                                .contains(workerId))
                        .toList();
        Map<Long, String> slugs = slugs(mine);
        return mine.stream().map(d -> assignment(d, slugs.get(d.tenantId))).toList();
    }

    /**
     * Forgets the reports of workers that no longer rank among the deployment's top {@code
     * replicas} live inference workers (after its replicas went down: they drop it on their next
     * poll), so that its status and replica list count only the workers that serve it.
     */
    void forgetReplicasBeyondTop(Deployment d) {
        List<UUID> live = workers.liveInferenceWorkers().stream().map(w -> w.id).toList();
        List<UUID> top = Rendezvous.top(d.id, live, Function.identity(), d.replicas);
        DeploymentReplica.delete(
                "key.deploymentId = ?1 and key.workerId not in ?2",
                d.id,
                top.isEmpty() ? List.of(d.id) : top);
    }

    /** One deployment, for a lazy load after a failover; 404 when it does not exist. */
    @Transactional
    public DeploymentAssignment get(UUID id) {
        Deployment d = requireDeployment(id);
        return assignment(d, Tenant.<Tenant>findById(d.tenantId).slug);
    }

    /** Upserts the worker's replica; the first READY sets the deployment's readyAt. */
    @Transactional
    public void report(UUID id, UUID workerId, ReplicaReport report) {
        Deployment d = requireDeployment(id);
        requireWorker(workerId);
        DeploymentReplica.Key key = new DeploymentReplica.Key(id, workerId);
        DeploymentReplica replica = DeploymentReplica.findById(key);
        if (replica == null) {
            replica = new DeploymentReplica();
            replica.key = key;
        }
        replica.status = report.status();
        replica.failureReason =
                report.status() == DeploymentStatus.FAILED ? report.failureReason() : null;
        replica.loadMillis = report.status() == DeploymentStatus.READY ? report.loadMillis() : null;
        replica.reportedAt = Instant.now();
        replica.persistAndFlush();
        if (d.readyAt == null && responses.state(id).status() == DeploymentStatus.READY) {
            d.readyAt = replica.reportedAt;
        }
        changed.fire(new DeploymentsChanged());
    }

    /**
     * Forgets the worker's report of the deployment (it dropped it); nothing when there is none.
     */
    @Transactional
    public void withdraw(UUID id, UUID workerId) {
        if (DeploymentReplica.deleteById(new DeploymentReplica.Key(id, workerId))) {
            changed.fire(new DeploymentsChanged());
        }
    }

    private static DeploymentAssignment assignment(Deployment d, String tenantSlug) {
        var v = d.modelVersion;
        return new DeploymentAssignment(
                d.id,
                tenantSlug,
                d.model.name,
                d.version,
                v.format,
                new BlobPointer(v.sha256, v.sizeBytes),
                v.signature,
                v.source == VersionSource.TRAINING,
                d.maxBatchSize,
                d.maxBatchDelayMs);
    }

    private static Map<Long, String> slugs(List<Deployment> deployments) {
        List<Long> ids = deployments.stream().map(d -> d.tenantId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Tenant.<Tenant>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t.slug));
    }

    private static Deployment requireDeployment(UUID id) {
        return Deployment.<Deployment>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No deployment " + id + "."));
    }

    private static void requireWorker(UUID id) {
        if (Worker.findById(id) == null) {
            throw new NotFoundException("No worker " + id + "; register again.");
        }
    }
}
