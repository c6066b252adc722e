package org.mlplatform.api.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mlplatform.api.common.ChangeNotifier;
import org.mlplatform.api.common.ChangeNotifier.Channel;
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

    /** How often a {@link #watch} works the assignments out again while nothing is announced. */
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final WorkerService workers;
    private final DeploymentResponses responses;
    private final ChangeNotifier notifier;
    private final ObjectMapper json;

    public DeploymentAssignments(
            WorkerService workers,
            DeploymentResponses responses,
            ChangeNotifier notifier,
            ObjectMapper json) {
        this.workers = workers;
        this.responses = responses;
        this.notifier = notifier;
        this.json = json;
    }

    /**
     * The deployments for which this worker ranks among the top {@code replicas} live inference
     * workers; empty for a worker that is not a live inference worker. 404 for an unknown worker.
     */
    @Transactional
    public List<DeploymentAssignment> assigned(UUID workerId) {
        return assignedNow(workerId);
    }

    /** A worker's assignments, and the tag of the list ({@link #tag}). */
    public record Watched(List<DeploymentAssignment> deployments, String tag, boolean changed) {}

    /**
     * Waits up to {@code wait} for the worker's assignments to differ from those tagged {@code
     * knownTag} (changed), or for a change to deployments that leaves them as they are (not
     * changed), each announced by any replica; works them out again at least every {@link #RECHECK}
     * meanwhile, since a worker's heartbeats stopping changes them unannounced. Blocks a worker
     * thread, never the event loop; each look is its own short transaction.
     */
    public Watched watch(UUID workerId, String knownTag, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean announced = false;
        while (true) {
            long seen = notifier.generation(Channel.DEPLOYMENTS);
            List<DeploymentAssignment> now =
                    QuarkusTransaction.requiringNew().call(() -> assignedNow(workerId));
            String tag = tag(now);
            long left = deadline - System.nanoTime();
            if (!tag.equals(knownTag) || announced || left <= 0) {
                return new Watched(now, tag, !tag.equals(knownTag));
            }
            try {
                announced =
                        notifier.awaitChange(
                                Channel.DEPLOYMENTS,
                                seen,
                                Duration.ofNanos(Math.min(left, RECHECK.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Watched(now, tag, false);
            }
        }
    }

    /** A quoted hash of the list as the worker gets it: equal lists, equal tags, on any replica. */
    private String tag(List<DeploymentAssignment> assignments) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(json.writeValueAsBytes(assignments));
            return '"' + HexFormat.of().formatHex(hash, 0, 16) + '"';
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DeploymentAssignment> assignedNow(UUID workerId) {
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
        notifier.announce(Channel.DEPLOYMENTS);
    }

    /**
     * Forgets the worker's report of the deployment (it dropped it); nothing when there is none.
     */
    @Transactional
    public void withdraw(UUID id, UUID workerId) {
        if (DeploymentReplica.deleteById(new DeploymentReplica.Key(id, workerId))) {
            notifier.announce(Channel.DEPLOYMENTS);
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
