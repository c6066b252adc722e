package org.mlplatform.api.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.common.PlatformConfig;
import org.mlplatform.contract.common.ProblemDetail.FieldError;
import org.mlplatform.contract.worker.RegisterWorkerRequest;
import org.mlplatform.contract.worker.WorkerResponse;
import org.mlplatform.contract.worker.WorkerRole;
import org.mlplatform.contract.worker.WorkerStatus;

/** Worker registration, heartbeats and liveness. */
@ApplicationScoped
public class WorkerService {

    private final PlatformConfig config;

    public WorkerService(PlatformConfig config) {
        this.config = config;
    }

    /** Registers a worker, or updates the one with the same name; keeps its id. */
    @Transactional
    public WorkerResponse register(RegisterWorkerRequest request) {
        List<WorkerRole> roles = roles(request);
        if (roles.contains(WorkerRole.INFERENCE) && request.inferenceToken() == null) {
            throw new InvalidRequestException(
                    "An inference worker needs an inferenceToken.",
                    List.of(new FieldError("inferenceToken", "must not be null")));
        }
        Instant now = Instant.now();
        Worker worker =
                Worker.findByName(request.name())
                        .orElseGet(
                                () -> {
                                    Worker w = new Worker();
                                    w.id = UUID.randomUUID();
                                    w.name = request.name();
                                    w.registeredAt = now;
                                    return w;
                                });
        worker.url = request.url();
        worker.version = request.version();
        worker.engine = request.engine();
        worker.engineVersion = request.engineVersion();
        worker.capabilities =
                request.capabilities() == null ? Map.of() : Map.copyOf(request.capabilities());
        worker.roles = roles;
        worker.inferenceToken = request.inferenceToken();
        worker.lastHeartbeatAt = now;
        worker.persist();
        if (!roles.contains(WorkerRole.INFERENCE)) {
            // It serves nothing now: what it reported of deployments before no longer holds.
            Worker.getEntityManager()
                    .createNativeQuery("delete from deployment_replicas where worker_id = ?1")
                    .setParameter(1, worker.id)
                    .executeUpdate();
        }
        return toResponse(worker, now);
    }

    /** The live inference workers (heartbeat within offline-after), by id. */
    @Transactional
    public List<Worker> liveInferenceWorkers() {
        Instant cutoff = Instant.now().minus(config.workers().offlineAfter());
        @SuppressWarnings("unchecked")
        List<Worker> live =
                Worker.getEntityManager()
                        .createNativeQuery(
                                "select * from workers where roles @> '[\"INFERENCE\"]'::jsonb"
                                        + " and last_heartbeat_at >= ?1 order by id",
                                Worker.class)
                        .setParameter(1, cutoff)
                        .getResultList();
        return live;
    }

    private static List<WorkerRole> roles(RegisterWorkerRequest request) {
        if (request.roles() == null) {
            return List.of(WorkerRole.JOBS);
        }
        LinkedHashSet<WorkerRole> roles = new LinkedHashSet<>();
        request.roles().stream().filter(Objects::nonNull).forEach(roles::add);
        return roles.isEmpty() ? List.of(WorkerRole.JOBS) : List.copyOf(roles);
    }

    /** Records a heartbeat; 404 for an unknown id, so the worker registers again. */
    @Transactional
    public void heartbeat(UUID id) {
        int updated = Worker.update("lastHeartbeatAt = ?1 where id = ?2", Instant.now(), id);
        if (updated == 0) {
            throw new NotFoundException("No worker " + id + "; register again.");
        }
    }

    /**
     * Marks the worker offline now (its heartbeat moved back past {@code offline-after}): a worker
     * that stops says so instead of leaving gateways to find out when its heartbeats stop.
     */
    @Transactional
    public void signOff(UUID id) {
        Worker.update(
                "lastHeartbeatAt = ?1 where id = ?2",
                Instant.now().minus(config.workers().offlineAfter()).minusSeconds(1),
                id);
    }

    public List<WorkerResponse> list() {
        Instant now = Instant.now();
        return Worker.<Worker>listAll().stream()
                .sorted((a, b) -> a.name.compareTo(b.name))
                .map(w -> toResponse(w, now))
                .toList();
    }

    private WorkerResponse toResponse(Worker w, Instant now) {
        boolean online = !w.lastHeartbeatAt.plus(config.workers().offlineAfter()).isBefore(now);
        return new WorkerResponse(
                w.id,
                w.name,
                w.url,
                w.version,
                w.engine,
                w.engineVersion,
                w.capabilities,
                w.roles,
                online ? WorkerStatus.ONLINE : WorkerStatus.OFFLINE,
                w.registeredAt,
                w.lastHeartbeatAt);
    }
}
