package org.mlplatform.api.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mlplatform.api.common.PlatformConfig;
import org.mlplatform.api.worker.Worker;
import org.mlplatform.contract.deployment.DeploymentReplicaResponse;
import org.mlplatform.contract.deployment.DeploymentResponse;

/**
 * Deployments to wire records, with the status aggregated from the replicas of live workers (a
 * report of a worker that stopped heartbeating no longer counts) and the default-version flag.
 */
@ApplicationScoped
class DeploymentResponses {

    private final PlatformConfig config;

    DeploymentResponses(PlatformConfig config) {
        this.config = config;
    }

    DeploymentResponse of(Deployment d) {
        return of(List.of(d)).get(0);
    }

    /** In one round of queries for the whole page. */
    List<DeploymentResponse> of(List<Deployment> deployments) {
        if (deployments.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = deployments.stream().map(d -> d.id).toList();
        Map<UUID, List<DeploymentReplica>> replicas =
                DeploymentReplica.ofDeployments(ids).stream()
                        .collect(Collectors.groupingBy(r -> r.key.deploymentId));
        Map<UUID, Worker> workers = workersOf(replicas);
        Map<Long, Integer> defaults = servedDefaults(deployments);
        Instant cutoff = liveCutoff();
        return deployments.stream()
                .map(
                        d -> {
                            List<DeploymentReplica> rs = replicas.getOrDefault(d.id, List.of());
                            DeploymentStates.State state = live(rs, workers, cutoff);
                            return new DeploymentResponse(
                                    d.id,
                                    d.model.name,
                                    d.version,
                                    d.modelVersion.format,
                                    state.status(),
                                    state.failureReason(),
                                    d.maxBatchSize,
                                    d.maxBatchDelayMs,
                                    d.replicas,
                                    Objects.equals(defaults.get(d.model.id), d.version),
                                    rs.stream().map(r -> replica(r, workers)).toList(),
                                    d.createdAt,
                                    d.readyAt);
                        })
                .toList();
    }

    /** The aggregate state of one deployment now. */
    DeploymentStates.State state(UUID deploymentId) {
        List<DeploymentReplica> rs = DeploymentReplica.ofDeployments(List.of(deploymentId));
        return live(rs, workersOf(Map.of(deploymentId, rs)), liveCutoff());
    }

    private DeploymentStates.State live(
            List<DeploymentReplica> rs, Map<UUID, Worker> workers, Instant cutoff) {
        return DeploymentStates.of(
                rs.stream()
                        .filter(
                                r -> {
                                    Worker w = workers.get(r.key.workerId);
                                    return w != null && !w.lastHeartbeatAt.isBefore(cutoff);
                                })
                        .toList());
    }

    private Instant liveCutoff() {
        return Instant.now().minus(config.workers().offlineAfter());
    }

    private static Map<UUID, Worker> workersOf(Map<UUID, List<DeploymentReplica>> replicas) {
        Set<UUID> ids =
                replicas.values().stream()
                        .flatMap(List::stream)
                        .map(r -> r.key.workerId)
                        .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Worker.<Worker>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(w -> w.id, Function.identity()));
    }

    /** Per model: the version unversioned calls reach (explicit default, else highest deployed). */
    private static Map<Long, Integer> servedDefaults(List<Deployment> deployments) {
        Map<Long, Integer> defaults = new HashMap<>();
        List<Long> modelIds = deployments.stream().map(d -> d.model.id).distinct().toList();
        List<Object[]> highest =
                Deployment.getEntityManager()
                        .createQuery(
                                "select d.model.id, max(d.version) from Deployment d"
                                        + " where d.model.id in ?1 group by d.model.id",
                                Object[].class)
                        .setParameter(1, modelIds)
                        .getResultList();
        highest.forEach(row -> defaults.put((Long) row[0], (Integer) row[1]));
        deployments.stream()
                .filter(d -> d.model.defaultVersion != null)
                .forEach(d -> defaults.put(d.model.id, d.model.defaultVersion));
        return defaults;
    }

    private static DeploymentReplicaResponse replica(
            DeploymentReplica r, Map<UUID, Worker> workers) {
        Worker w = workers.get(r.key.workerId);
        return new DeploymentReplicaResponse(
                w == null ? r.key.workerId.toString() : w.name,
                r.status,
                r.failureReason,
                r.loadMillis,
                r.reportedAt);
    }
}
