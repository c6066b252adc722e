package org.mlplatform.worker.inference;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.worker.WorkerRole;
import org.mlplatform.serving.ModelRegistry;
import org.mlplatform.worker.config.WorkerConfig;
import org.mlplatform.worker.registration.PlatformApiException;
import org.mlplatform.worker.registration.WorkerRegistration;

/**
 * Asks platform-api every {@code platform.serving.poll-interval} which deployments this worker
 * should hold (only with the INFERENCE role, once registered) and has the serving runtime hold them
 * ({@link ModelRegistry#hold}); unloads the models idle for too long. A 404 means platform-api
 * forgot the worker, which registers again.
 */
@ApplicationScoped
public class AssignmentPoller {

    private static final Logger LOG = Logger.getLogger(AssignmentPoller.class);

    private final boolean enabled;
    private final WorkerRegistration registration;
    private final PlatformDeployments platform;
    private final ModelRegistry registry;
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
            every = "${platform.serving.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void poll() {
        if (!enabled) {
            return;
        }
        registry.unloadIdle();
        UUID workerId = registration.status().workerId();
        if (workerId == null) {
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
        registry.hold(answer.get());
    }
}
