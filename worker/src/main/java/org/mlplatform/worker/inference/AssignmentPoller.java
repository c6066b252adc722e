package org.mlplatform.worker.inference;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.worker.WorkerRole;
import org.mlplatform.worker.config.WorkerConfig;
import org.mlplatform.worker.registration.PlatformApiException;
import org.mlplatform.worker.registration.WorkerRegistration;

/**
 * Asks platform-api every {@code platform.worker.inference.poll-interval} which deployments this
 * worker should hold (only with the INFERENCE role, once registered): new ones are loaded and
 * warmed up, ones gone from the list are drained and unloaded. A 404 means platform-api forgot the
 * worker, which registers again.
 */
@ApplicationScoped
public class AssignmentPoller {

    private static final Logger LOG = Logger.getLogger(AssignmentPoller.class);

    private final boolean enabled;
    private final WorkerRegistration registration;
    private final PlatformDeployments platform;
    private final ModelRegistry registry;
    private Set<UUID> assigned = Set.of();
    private String lastFailure;

    public AssignmentPoller(
            WorkerConfig config,
            WorkerRegistration registration,
            PlatformDeployments platform,
            ModelRegistry registry) {
        this.enabled = config.roles().contains(WorkerRole.INFERENCE);
        this.registration = registration;
        this.platform = platform;
        this.registry = registry;
    }

    @Scheduled(
            identity = "inference-assignments",
            every = "${platform.worker.inference.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void poll() {
        UUID workerId = registration.status().workerId();
        if (!enabled || workerId == null) {
            return;
        }
        Optional<List<DeploymentAssignment>> answer;
        try {
            answer = platform.assigned(workerId);
        } catch (PlatformApiException e) {
            if (!e.getMessage().equals(lastFailure)) {
                LOG.warnf("Polling deployment assignments failed: %s", e.getMessage());
            }
            lastFailure = e.getMessage();
            return; // keep serving what is loaded
        }
        lastFailure = null;
        if (answer.isEmpty()) {
            registration.forgotten(workerId);
            return;
        }
        Set<UUID> current = new HashSet<>();
        for (DeploymentAssignment assignment : answer.get()) {
            current.add(assignment.id());
            if (!assigned.contains(assignment.id())) {
                LOG.infof(
                        "Assigned deployment %s (%s/%s v%d)",
                        assignment.id(),
                        assignment.tenant(),
                        assignment.model(),
                        assignment.version());
                registry.assign(assignment);
            }
        }
        for (UUID gone : assigned) {
            if (!current.contains(gone)) {
                registry.unassign(gone);
            }
        }
        assigned = Set.copyOf(current);
    }

    /** The deployments of the last successful poll. */
    public synchronized Set<UUID> assigned() {
        return assigned;
    }
}
